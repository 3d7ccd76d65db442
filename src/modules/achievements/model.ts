import { Schema, type Connection, type Types } from 'mongoose';
import { ACHIEVEMENT_KINDS, CATEGORIES, GRADES, HONOUR_KINDS, HONOUR_STATES, LEVELS, MODEL_WORKER_TITLES, values } from '../vocabulary/vocabulary.js';
import { actorSchema, collectiveSchema, workflowFields } from './workflow-fields.js';
import { institutionOwned } from '../../shared/tenancy.js';

/**
 * Awards, honours and model-worker designations share one collection (mongoose
 * discriminators on `kind`), so the ranked list is one indexed query.
 */
export const achievementSchema = new Schema(
  {
    kind: { type: String, enum: values(ACHIEVEMENT_KINDS), required: true },
    title: { type: String, required: true },
    // Only a title held since an unknown year has none: it is listed, never counted in a year.
    year: {
      type: Number,
      required(this: { sinceUnknown?: boolean }) {
        return !this.sinceUnknown;
      },
    },
    date: { type: Date },
    level: { type: String, enum: values(LEVELS), required: true },
    levelRank: { type: Number, required: true },
    resultRank: { type: Number, required: true },
    category: { type: String, enum: values(CATEGORIES) },
    /** Sortable key of the ranking policy (level, result, date): RANK order pages on it. */
    rankKey: { type: String, required: true },
    /** `date`, or the end of `year` when the date is unknown: DATE order pages on it. */
    sortDate: { type: Date, required: true },
    people: { type: [Schema.Types.ObjectId], default: [] },
    collective: { type: collectiveSchema },
    ...workflowFields,
  },
  { timestamps: true, discriminatorKey: 'kind' },
);
// Every index leads with the institution: each query is one institution's (and a sharded
// cluster routes it to one shard; see docs/decisions/0007-institutions.md).
achievementSchema.plugin(institutionOwned);
achievementSchema.index({ institution: 1, dedupeKey: 1 }, { unique: true });
achievementSchema.index({ institution: 1, year: 1, rankKey: 1 });
achievementSchema.index({ institution: 1, status: 1, year: 1, rankKey: 1 });
achievementSchema.index({ institution: 1, rankKey: 1 });
achievementSchema.index({ institution: 1, sortDate: -1 });
achievementSchema.index({ institution: 1, people: 1, rankKey: 1 });
achievementSchema.index({ institution: 1, departments: 1, rankKey: 1 });
achievementSchema.index({ institution: 1, competition: 1 });

export const awardFields = new Schema({
  competition: { type: Schema.Types.ObjectId, required: true },
  grade: { type: String, enum: values(GRADES) },
  placement: { type: Number },
  resultText: { type: String },
  /** The division of the contest it was won in: 专业组, 企业组, 团体, 个人. */
  division: { type: String },
  evidence: { type: new Schema({ certificateNumber: String, note: String }, { _id: false }) },
});

export const honourFields = new Schema({
  honourKind: { type: String, enum: values(HONOUR_KINDS), required: true },
  conferredBy: { type: String },
  /** The system it was conferred in, e.g. 市直卫生健康系统. */
  sector: { type: String },
  /** An inspection score, e.g. 98 (考核得分98分). */
  score: { type: Number },
  /** The title exactly as the certificate or report writes it, when the parts do not compose it. */
  asWritten: { type: String },
  /** Held since a year nobody knows (我院为省级文明单位): no year, counted in none. */
  sinceUnknown: { type: Boolean },
  /** Staff of the collective holding it, where only their number is known (我院护士有12人). */
  holderCount: { type: Number },
  holderNoun: { type: String },
  session: { type: String },
  award: { type: Schema.Types.ObjectId },
  campaign: { type: Schema.Types.ObjectId },
  state: { type: String, enum: values(HONOUR_STATES), required: true, default: 'ACTIVE' },
  stateLog: [{ _id: false, state: String, date: Date, reason: String, by: actorSchema }],
  validUntil: { type: Date },
});

export const designationFields = new Schema({
  designation: { type: String, enum: values(MODEL_WORKER_TITLES), required: true },
  conferredBy: { type: String, required: true },
  session: { type: String },
  studio: { type: new Schema({ name: String, established: Date, members: [Schema.Types.ObjectId] }, { _id: false }) },
});

export interface Actor {
  userId: string;
  username: string;
}

/** The stored shape of any achievement (lean). */
export interface AchievementRecord {
  _id: Types.ObjectId;
  /** Set by the tenancy plugin. */
  institution?: Types.ObjectId;
  kind: 'AWARD' | 'HONOUR' | 'MODEL_WORKER';
  title: string;
  year: number | null;
  date?: Date | null;
  level: string;
  levelRank: number;
  resultRank: number;
  category?: string | null;
  rankKey: string;
  sortDate: Date;
  people: Types.ObjectId[];
  collective?: { kind: 'DEPARTMENT' | 'INSTITUTION'; department?: Types.ObjectId | null; team?: boolean | null } | null;
  status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED';
  returnReason?: string | null;
  revision: number;
  history: { revision: number; at: Date; by: Actor; snapshot: unknown }[];
  statusLog: { status: string; at: Date; by: Actor; reason?: string | null }[];
  enteredBy: Actor;
  verifiedBy?: Actor | null;
  verifiedAt?: Date | null;
  departments: Types.ObjectId[];
  unionGroups: Types.ObjectId[];
  dedupeKey: string;
  note?: string | null;
  createdAt: Date;
  updatedAt: Date;
  // award
  competition?: Types.ObjectId;
  grade?: string | null;
  placement?: number | null;
  resultText?: string | null;
  division?: string | null;
  evidence?: { certificateNumber?: string | null; note?: string | null } | null;
  // honour
  honourKind?: string;
  conferredBy?: string | null;
  sector?: string | null;
  holderCount?: number | null;
  sinceUnknown?: boolean | null;
  holderNoun?: string | null;
  score?: number | null;
  asWritten?: string | null;
  session?: string | null;
  award?: Types.ObjectId | null;
  campaign?: Types.ObjectId | null;
  state?: string;
  stateLog?: { state: string; date: Date; reason?: string | null; by: Actor }[];
  validUntil?: Date | null;
  // designation
  designation?: string;
  studio?: { name: string; established?: Date | null; members: Types.ObjectId[] } | null;
}

export function achievementModels(conn: Connection) {
  const Achievement = conn.model('Achievement', achievementSchema, 'achievements');
  return {
    Achievement,
    Award: Achievement.discriminator('Award', awardFields, 'AWARD'),
    Honour: Achievement.discriminator('Honour', honourFields, 'HONOUR'),
    ModelWorkerDesignation: Achievement.discriminator('ModelWorkerDesignation', designationFields, 'MODEL_WORKER'),
  };
}
