import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { CATEGORIES, LEVELS, values } from '../vocabulary/vocabulary.js';
import { institutionOwned } from '../../shared/tenancy.js';

export const competitionSchema = new Schema(
  {
    name: { type: String, required: true },
    /** Name folded for duplicate and similarity checks (no spaces, quotes or brackets). */
    normalizedName: { type: String, required: true },
    brand: { type: String },
    organiser: { type: String },
    level: { type: String, enum: values(LEVELS), required: true },
    sector: { type: String },
    category: { type: String, enum: values(CATEGORIES), required: true },
    year: { type: Number, required: true },
    edition: { type: String },
  },
  { timestamps: true },
);
// A competition belongs to one institution, or (institution null) to the federation
// catalogue that every institution reads: one provincial contest entered by many hospitals.
competitionSchema.plugin(institutionOwned, { sharedCatalogue: true });
competitionSchema.index({ institution: 1, year: 1, normalizedName: 1 }, { unique: true });
competitionSchema.index({ institution: 1, year: -1, name: 1 });

/** `institution` null: an entry of the shared catalogue. */
export type CompetitionRecord = InferSchemaType<typeof competitionSchema> & { _id: Types.ObjectId; institution?: Types.ObjectId | null };

export function competitionModels(conn: Connection) {
  return { Competition: conn.model('Competition', competitionSchema, 'competitions') };
}
