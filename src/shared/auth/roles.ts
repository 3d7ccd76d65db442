export const ROLES = ['ADMIN', 'VERIFIER', 'CLERK', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as stated by a verified token. */
export interface Viewer {
  userId: string;
  username: string;
  role: Role;
  /** Department and union-group codes a CLERK may write to (empty for other roles). */
  scope: { departments: string[]; unionGroups: string[] };
  /** The account's token version when the token was issued (absent for development tokens). */
  tokenVersion?: number;
}

/** Whether the viewer is an account (its id an ObjectId), not a development or system token. */
export const namesAccount = (viewer: Viewer) => /^[0-9a-f]{24}$/.test(viewer.userId);
