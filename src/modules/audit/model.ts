import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { institutionOwned } from '../../shared/tenancy.js';

export const auditEntrySchema = new Schema({
  at: { type: Date, required: true, default: () => new Date() },
  actorId: { type: String, required: true },
  actorUsername: { type: String, required: true },
  actorRole: { type: String, required: true },
  operation: { type: String, required: true },
  entityType: { type: String, required: true },
  entityId: { type: Schema.Types.ObjectId, required: true },
  changes: [{ _id: false, field: String, before: Schema.Types.Mixed, after: Schema.Types.Mixed }],
  requestId: { type: String },
});
auditEntrySchema.plugin(institutionOwned, { optional: true });
auditEntrySchema.index({ institution: 1, at: -1 });
auditEntrySchema.index({ institution: 1, entityId: 1, at: -1 });

export type AuditEntryRecord = InferSchemaType<typeof auditEntrySchema> & { _id: Types.ObjectId };

export function auditModels(conn: Connection) {
  return { AuditEntry: conn.model('AuditEntry', auditEntrySchema, 'audit_log') };
}
