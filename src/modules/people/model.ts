import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

export const GENDERS = ['FEMALE', 'MALE'] as const;
export const EMPLOYMENT_STATUSES = ['ACTIVE', 'RETIRED'] as const;

export const personSchema = new Schema(
  {
    staffNumber: { type: String, required: true, unique: true },
    name: { type: String, required: true, index: true },
    gender: { type: String, enum: GENDERS },
    department: { type: Schema.Types.ObjectId, ref: 'Department', index: true },
    unionGroup: { type: Schema.Types.ObjectId, ref: 'UnionGroup', index: true },
    position: { type: String },
    unionMemberSince: { type: Date },
    employmentStatus: { type: String, enum: EMPLOYMENT_STATUSES, required: true, default: 'ACTIVE' },
    archived: { type: Boolean, required: true, default: false },
    archivedAt: { type: Date },
    archiveReason: { type: String },
  },
  { timestamps: true },
);

export type PersonRecord = InferSchemaType<typeof personSchema> & { _id: Types.ObjectId };

export function peopleModels(conn: Connection) {
  return { Person: conn.model('Person', personSchema, 'people') };
}
