/** Roles within one institution. */
export const INSTITUTION_ROLES = ['ADMIN', 'VERIFIER', 'CLERK', 'VIEWER'] as const;
/** Roles of the system union above the institutions: they belong to none. */
export const FEDERATION_ROLES = ['FEDERATION_ADMIN', 'FEDERATION_VIEWER'] as const;
export const ROLES = [...INSTITUTION_ROLES, ...FEDERATION_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const isFederationRole = (role: Role): role is (typeof FEDERATION_ROLES)[number] => (FEDERATION_ROLES as readonly string[]).includes(role);

/** Who is asking, as stated by a verified token. */
export interface Viewer {
  userId: string;
  username: string;
  role: Role;
  /** The institution (id) the token acts in; null for the federation roles. */
  institution: string | null;
  /**
   * Where a CLERK may write: department and union-group codes, or the whole institution
   * (the union office). Empty for other roles.
   */
  scope: { departments: string[]; unionGroups: string[]; wholeInstitution?: boolean };
  /** The account's token version when the token was issued (absent for development tokens). */
  tokenVersion?: number;
}

/** Whether the viewer is an account (its id an ObjectId), not a development or system token. */
export const namesAccount = (viewer: Viewer) => /^[0-9a-f]{24}$/.test(viewer.userId);
