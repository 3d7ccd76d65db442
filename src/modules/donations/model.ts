import { Schema, type Connection, type Types } from 'mongoose';
import { institutionOwned } from '../../shared/tenancy.js';
import { DONATION_KINDS, values } from '../vocabulary/vocabulary.js';
import { collectiveSchema, workflowFields } from '../achievements/workflow-fields.js';
import type { AchievementRecord } from '../achievements/model.js';

export const donationSchema = new Schema(
  {
    kind: { type: String, enum: values(DONATION_KINDS), required: true },
    mode: { type: String, enum: ['ITEMISED', 'AGGREGATE'], required: true },
    donor: { type: Schema.Types.ObjectId },
    donorCollective: { type: collectiveSchema },
    donorCount: { type: Number },
    quantity: { type: Number, required: true },
    approximate: { type: Boolean, required: true, default: false },
    campaign: { type: String },
    beneficiary: { type: Schema.Types.ObjectId },
    date: { type: Date, required: true },
    year: { type: Number, required: true },
    ...workflowFields,
  },
  { timestamps: true },
);
donationSchema.plugin(institutionOwned);
donationSchema.index({ institution: 1, dedupeKey: 1 }, { unique: true });
donationSchema.index({ institution: 1, date: -1 });
donationSchema.index({ institution: 1, year: 1, kind: 1 });

type WorkflowPart = Pick<
  AchievementRecord,
  'status' | 'returnReason' | 'revision' | 'history' | 'statusLog' | 'enteredBy' | 'verifiedBy' | 'verifiedAt' | 'departments' | 'unionGroups' | 'dedupeKey' | 'note' | 'createdAt' | 'updatedAt'
>;

export interface DonationRecord extends WorkflowPart {
  _id: Types.ObjectId;
  kind: string;
  mode: 'ITEMISED' | 'AGGREGATE';
  donor?: Types.ObjectId | null;
  donorCollective?: { kind: 'DEPARTMENT' | 'INSTITUTION'; department?: Types.ObjectId | null; team?: boolean | null } | null;
  donorCount?: number | null;
  quantity: number;
  approximate: boolean;
  campaign?: string | null;
  beneficiary?: Types.ObjectId | null;
  date: Date;
  year: number;
}

export function donationModels(conn: Connection) {
  return { Donation: conn.model('Donation', donationSchema, 'donations') };
}
