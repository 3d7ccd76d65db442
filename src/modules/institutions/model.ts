import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

/** A hospital (or other member unit) whose registry is kept apart from every other's. */
export const institutionSchema = new Schema(
  {
    /** Short code, unique in the federation: tokens and `npm run token --institution` name it. */
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true, unique: true },
    shortName: { type: String },
    /** How the institution's own report refers to it (我院). */
    selfReference: { type: String, required: true, default: '我院' },
    region: { type: String },
    /** A sandbox of demonstration data: marked in every report, removable in one step. */
    demo: { type: Boolean, required: true, default: false },
  },
  { timestamps: true },
);

export type InstitutionRecord = InferSchemaType<typeof institutionSchema> & { _id: Types.ObjectId };

export function institutionModels(conn: Connection) {
  return { Institution: conn.model('Institution', institutionSchema, 'institutions') };
}
