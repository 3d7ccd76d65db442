import { Schema, type Connection } from 'mongoose';

/** One document per applied migration: its name and when it ran. */
export const migrationSchema = new Schema({ _id: { type: String }, appliedAt: { type: Date, required: true }, summary: { type: Schema.Types.Mixed } }, { versionKey: false });

export function migrationModels(conn: Connection) {
  return { Migration: conn.model('Migration', migrationSchema, 'migrations') };
}
