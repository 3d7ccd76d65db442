import { Schema, type Connection, type Types } from 'mongoose';
import { CAMPAIGN_STATUSES, CIVILISED_POST_TITLES, LEVELS, values } from '../vocabulary/vocabulary.js';
import { actorSchema } from '../achievements/workflow-fields.js';
import { institutionOwned } from '../../shared/tenancy.js';
import type { Actor } from '../achievements/model.js';

export const campaignSchema = new Schema(
  {
    department: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, enum: values(CIVILISED_POST_TITLES), required: true },
    level: { type: String, enum: values(LEVELS), required: true },
    /** The title it is to be named with, as conferred (绍兴市巾帼文明岗); the honour takes it. */
    namedTitle: { type: String },
    year: { type: Number, required: true },
    status: { type: String, enum: values(CAMPAIGN_STATUSES), required: true, default: 'PLANNED' },
    steps: [{ _id: false, status: String, date: Date, note: String, score: Number, by: actorSchema }],
    score: { type: Number },
    honour: { type: Schema.Types.ObjectId },
  },
  { timestamps: true },
);
// One campaign per department, title, level and year.
campaignSchema.plugin(institutionOwned);
campaignSchema.index({ institution: 1, department: 1, title: 1, level: 1, year: 1 }, { unique: true });
campaignSchema.index({ institution: 1, year: -1, createdAt: -1 });

export interface CampaignRecord {
  _id: Types.ObjectId;
  department: Types.ObjectId;
  title: string;
  level: string;
  namedTitle?: string | null;
  year: number;
  status: string;
  steps: { status: string; date: Date; note?: string | null; score?: number | null; by: Actor }[];
  score?: number | null;
  honour?: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

export function campaignModels(conn: Connection) {
  return { CivilisedPostCampaign: conn.model('CivilisedPostCampaign', campaignSchema, 'civilised_post_campaigns') };
}
