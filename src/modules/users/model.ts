import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { ROLES } from '../../shared/auth/roles.js';
import { institutionOwned } from '../../shared/tenancy.js';

export const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true },
    /** scrypt hash; never selected unless asked for. */
    passwordHash: { type: String, required: true, select: false },
    displayName: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    /** A CLERK who writes anywhere in the institution (the union office), not only in scope. */
    wholeInstitution: { type: Boolean, required: true, default: false },
    departments: { type: [Schema.Types.ObjectId], default: [] },
    unionGroups: { type: [Schema.Types.ObjectId], default: [] },
    active: { type: Boolean, required: true, default: true },
    lastLoginAt: { type: Date },
    /** Stated in every token; bumping it revokes the account's tokens issued before. */
    tokenVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);

// Usernames are unique across the registry (sign-in names no institution); federation
// accounts belong to none.
userSchema.plugin(institutionOwned, { optional: true });
userSchema.index({ institution: 1, username: 1 });

export type UserRecord = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId; institution?: Types.ObjectId | null };

export function userModels(conn: Connection) {
  return { User: conn.model('User', userSchema, 'users') };
}
