import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { institutionOwned } from '../../shared/tenancy.js';

const orgUnitFields = {
  code: { type: String, required: true },
  name: { type: String, required: true },
  active: { type: Boolean, required: true, default: true },
};

/** A department (科室) or a body of the institution (工会, 团委): a body is named after the institution in the report (我院团委). */
export const DEPARTMENT_KINDS = ['DEPARTMENT', 'BODY'] as const;
export const departmentSchema = new Schema({ ...orgUnitFields, kind: { type: String, enum: DEPARTMENT_KINDS, required: true, default: 'DEPARTMENT' } }, { timestamps: true });
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
