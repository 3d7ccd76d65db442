import { Schema, type Connection, type Types } from 'mongoose';
import { institutionOwned } from '../../shared/tenancy.js';
import { actorSchema } from '../achievements/workflow-fields.js';
import type { Actor } from '../achievements/model.js';

/** `errors` is the field's natural name; mongoose merely warns that documents use it too. */
const importRowSchema = new Schema(
  { row: Number, outcome: String, recordId: String, errors: [{ _id: false, column: String, message: String }] },
  { _id: false, suppressReservedKeysWarning: true },
);

export const importJobSchema = new Schema({
  kind: { type: String, required: true },
  mode: { type: String, enum: ['DRY_RUN', 'COMMIT'], required: true },
  status: { type: String, enum: ['SUCCEEDED', 'FAILED'], required: true },
  fileName: { type: String, required: true },
  fileError: { type: String },
  createdBy: { type: actorSchema, required: true },
  createdAt: { type: Date, required: true },
  finishedAt: { type: Date, required: true },
  counts: { rows: Number, create: Number, update: Number, unchanged: Number, error: Number },
  rows: [importRowSchema],
});
importJobSchema.plugin(institutionOwned);
importJobSchema.index({ institution: 1, createdAt: -1 });

export interface ImportRowResult {
  row: number;
  outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';
  recordId?: string;
  errors: { column: string; message: string }[];
}

export interface ImportJobRecord {
  _id: Types.ObjectId;
  kind: string;
  mode: 'DRY_RUN' | 'COMMIT';
  status: 'SUCCEEDED' | 'FAILED';
  fileName: string;
  fileError?: string;
  createdBy: Actor;
  createdAt: Date;
  finishedAt: Date;
  counts: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: ImportRowResult[];
}

export function importModels(conn: Connection) {
  return { ImportJob: conn.model('ImportJob', importJobSchema, 'import_jobs') };
}
