import { Schema, type Connection } from 'mongoose';

/**
 * Failed sign-ins counted per key (a username, a client address, or everyone) in a window
 * that opens on the first failure. Shared by every app instance on the database; a TTL
 * index removes a window once it has closed.
 */
export const signInFailureSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    until: { type: Date, required: true, index: { expireAfterSeconds: 0 } },
  },
  { versionKey: false },
);

export function throttleModels(conn: Connection) {
  return { SignInFailure: conn.model('SignInFailure', signInFailureSchema, 'sign_in_failures') };
}
