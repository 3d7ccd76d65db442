import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { institutionOwned } from '../../shared/tenancy.js';

export const GENDERS = ['FEMALE', 'MALE'] as const;
export const EMPLOYMENT_STATUSES = ['ACTIVE', 'RETIRED'] as const;

export const personSchema = new Schema(
  {
    staffNumber: { type: String, required: true },
    name: { type: String, required: true },
    gender: { type: String, enum: GENDERS },
    department: { type: Schema.Types.ObjectId, ref: 'Department' },
    unionGroup: { type: Schema.Types.ObjectId, ref: 'UnionGroup' },
    position: { type: String },
    unionMemberSince: { type: Date },
    employmentStatus: { type: String, enum: EMPLOYMENT_STATUSES, required: true, default: 'ACTIVE' },
    archived: { type: Boolean, required: true, default: false },
    archivedAt: { type: Date },
    archiveReason: { type: String },
  },
  { timestamps: true },
);

personSchema.plugin(institutionOwned);
// 工号 are unique within an institution.
personSchema.index({ institution: 1, staffNumber: 1 }, { unique: true });
personSchema.index({ institution: 1, name: 1 });
personSchema.index({ institution: 1, department: 1 });
personSchema.index({ institution: 1, unionGroup: 1 });

export type PersonRecord = InferSchemaType<typeof personSchema> & { _id: Types.ObjectId };

export function peopleModels(conn: Connection) {
  return { Person: conn.model('Person', personSchema, 'people') };
}
