import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

const orgUnitFields = {
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true, unique: true },
  active: { type: Boolean, required: true, default: true },
};

export const departmentSchema = new Schema(orgUnitFields, { timestamps: true });
export const unionGroupSchema = new Schema(orgUnitFields, { timestamps: true });

export type DepartmentRecord = InferSchemaType<typeof departmentSchema> & { _id: Types.ObjectId };
export type UnionGroupRecord = InferSchemaType<typeof unionGroupSchema> & { _id: Types.ObjectId };

export function organisationModels(conn: Connection) {
  return {
    Department: conn.model('Department', departmentSchema, 'departments'),
    UnionGroup: conn.model('UnionGroup', unionGroupSchema, 'union_groups'),
  };
}
