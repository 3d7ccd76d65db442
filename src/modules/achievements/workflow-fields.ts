import { Schema } from 'mongoose';
import { values, RECORD_STATUSES } from '../vocabulary/vocabulary.js';

/** Who did something, as the token said. */
export const actorSchema = new Schema({ userId: { type: String, required: true }, username: { type: String, required: true } }, { _id: false });

export const collectiveSchema = new Schema(
  { kind: { type: String, enum: ['DEPARTMENT', 'INSTITUTION'], required: true }, department: { type: Schema.Types.ObjectId }, team: { type: Boolean } },
  { _id: false },
);

/** Fields every verifiable record carries: status, provenance, revisions. */
export const workflowFields = {
  status: { type: String, enum: values(RECORD_STATUSES), required: true, default: 'DRAFT' },
  returnReason: { type: String },
  revision: { type: Number, required: true, default: 1 },
  history: [{ _id: false, revision: Number, at: Date, by: actorSchema, snapshot: Schema.Types.Mixed }],
  statusLog: [{ _id: false, status: String, at: Date, by: actorSchema, reason: String }],
  enteredBy: { type: actorSchema, required: true },
  /** Who last changed the fact (the entry, or an edit): with enteredBy, who may not verify it. */
  lastChangedBy: { type: actorSchema },
  verifiedBy: { type: actorSchema },
  verifiedAt: { type: Date },
  /** Departments and union groups concerned, for filters and clerks' scope. */
  departments: { type: [Schema.Types.ObjectId], default: [] },
  unionGroups: { type: [Schema.Types.ObjectId], default: [] },
  /** Identity of the fact (recipient, event, result): unique, so a fact is entered once. */
  dedupeKey: { type: String, required: true },
  note: { type: String },
};
