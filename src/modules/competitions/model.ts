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
    /** The union held it for its own staff (组织全院职工冬季趣味运动会): the report says so. */
    hostedByUnion: { type: Boolean },
    /** How many staff took part, as the source states it: 200 OVER is 200余人, 100 NEARLY 近百人. */
    participants: { type: Number },
    participantsApprox: { type: String, enum: ['OVER', 'NEARLY'] },
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
