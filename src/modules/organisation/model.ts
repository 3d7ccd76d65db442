import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { institutionOwned } from '../../shared/tenancy.js';

const orgUnitFields = {
  code: { type: String, required: true },
  name: { type: String, required: true },
  active: { type: Boolean, required: true, default: true },
};

export const departmentSchema = new Schema(orgUnitFields, { timestamps: true });
export const unionGroupSchema = new Schema(orgUnitFields, { timestamps: true });
// Codes and names are unique within an institution: two hospitals may both have a 药剂科.
for (const schema of [departmentSchema, unionGroupSchema]) {
  schema.plugin(institutionOwned);
  schema.index({ institution: 1, code: 1 }, { unique: true });
  schema.index({ institution: 1, name: 1 }, { unique: true });
}

export type DepartmentRecord = InferSchemaType<typeof departmentSchema> & { _id: Types.ObjectId };
export type UnionGroupRecord = InferSchemaType<typeof unionGroupSchema> & { _id: Types.ObjectId };

export function organisationModels(conn: Connection) {
  return {
    Department: conn.model('Department', departmentSchema, 'departments'),
    UnionGroup: conn.model('UnionGroup', unionGroupSchema, 'union_groups'),
  };
}
