import type { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { passwordSchema, usernameProblem } from '../../shared/auth/password-policy.js';
import { decoyHash, hashPassword, verifyPassword } from '../../shared/auth/passwords.js';
import { FEDERATION_ROLES, INSTITUTION_ROLES, isFederationRole, namesAccount, ROLES, type Viewer } from '../../shared/auth/roles.js';
import { acrossInstitutions, withinInstitution } from '../../shared/tenancy.js';
import type { InstitutionRecord } from '../institutions/model.js';
import { writeOrDuplicate } from '../../shared/duplicates.js';
import { appError, ErrorCode, userError, UserInputFailure } from '../../shared/errors.js';
import { idOfType } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { parseInput, text } from '../../shared/validation.js';
import type { UserRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';

const username = text('field.username', 40).regex(/^[a-zA-Z0-9_.-]{3,40}$/, { error: () => t('account.usernameFormat') });
const password = passwordSchema;
function refuseUsernameInPassword(v: { username: string; password: string }, ctx: z.RefinementCtx) {
  const problem = usernameProblem(v.password, v.username);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}
const createSchema = z.object({
  username,
  password,
  displayName: text('field.displayName', 60),
  role: z.enum(ROLES),
  wholeInstitution: z.boolean().nullish(),
  departmentIds: z.array(z.string()).max(200).nullish(),
  unionGroupIds: z.array(z.string()).max(200).nullish(),
}).superRefine(refuseUsernameInPassword);
const updateSchema = z.object({
  id: z.string(),
  displayName: text('field.displayName', 60).optional(),
  role: z.enum(ROLES).optional(),
  password: password.optional(),
  active: z.boolean().optional(),
  wholeInstitution: z.boolean().optional(),
  departmentIds: z.array(z.string()).max(200).optional(),
  unionGroupIds: z.array(z.string()).max(200).optional(),
});
const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200), institution: z.string().max(40).nullish() });

export interface UserOrder {
  field: 'USERNAME' | 'CREATED_AT';
  direction: 'ASC' | 'DESC';
}

export class UserService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * Verifies credentials; failures are throttled per username and IP. The token acts in the
   * account's institution, or in a demo sandbox named by `institution` (its code).
   */
  async login(input: unknown) {
    const { username: name, password: given, institution: code } = parseInput(loginSchema, input);
    return acrossInstitutions(() => this.signIn(name, given, code ?? null));
  }

  private async signIn(name: string, given: string, code: string | null) {
    const { loginThrottle: throttle, ip } = this.ctx;
    const wait = await throttle.retryAfter(name, ip);
    if (wait) throw appError(ErrorCode.RATE_LIMITED, t('account.tooManyFailures', { username: name, seconds: wait }), { retryAfterSeconds: wait });
    const user = (await this.ctx.models.User.findOne({ username: name }).select('+passwordHash').lean()) as (UserRecord & { passwordHash: string }) | null;
    const ok = await verifyPassword(given, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok || !user.active) {
      await throttle.recordFailure(name, ip);
      this.ctx.logger.warn({ requestId: this.ctx.requestId, username: name, ip }, 'sign-in refused');
      throw new UserInputFailure([{ field: ['input', 'password'], code: 'INVALID', message: t('account.wrongCredentials') }]);
    }
    await throttle.recordSuccess(name);
    const institution = await this.institutionToActIn(user, code);
    await this.ctx.models.User.updateOne({ _id: user._id }, { $set: { lastLoginAt: new Date() } });
    const viewer = await (institution ? withinInstitution(institution._id, () => this.viewerOf(user, institution)) : this.viewerOf(user, null));
    return { ...this.ctx.tokens.sign(viewer), viewer };
  }

  private async institutionToActIn(user: UserRecord, code: string | null): Promise<InstitutionRecord | null> {
    const { Institution } = this.ctx.models;
    if (isFederationRole(user.role)) {
      if (code) throw userError(['input', 'institution'], 'INVALID', t('account.federationNoInstitution'));
      return null;
    }
    const home = (await Institution.findById(user.institution).lean()) as InstitutionRecord | null;
    if (!code || code === home?.code) {
      if (!home) throw userError(['input', 'username'], 'INVALID_STATE', t('account.noInstitution'));
      return home;
    }
    const sandbox = (await Institution.findOne({ code, demo: true }).lean()) as InstitutionRecord | null;
    if (!sandbox) throw userError(['input', 'institution'], 'NOT_FOUND', t('account.notYourInstitution', { home: home?.code ?? '', code }));
    return sandbox;
  }

  /**
   * The token claims of an account: scope ids become codes. In a demo sandbox the account
   * keeps its role; its department scope (another institution's) does not apply there.
   */
  private async viewerOf(user: UserRecord, institution: InstitutionRecord | null): Promise<Viewer> {
    const home = institution && user.institution && institution._id.equals(user.institution);
    const deps = home ? await this.ctx.loaders.department.loadMany(user.departments ?? []) : [];
    const groups = home ? await this.ctx.loaders.unionGroup.loadMany(user.unionGroups ?? []) : [];
    const codes = (docs: unknown[]) => docs.flatMap((d) => (d && typeof d === 'object' && 'code' in d ? [String(d.code)] : []));
    return {
      userId: String(user._id),
      username: user.username,
      role: user.role,
      institution: institution ? String(institution._id) : null,
      scope: { departments: codes(deps), unionGroups: codes(groups), ...(user.wholeInstitution || (institution?.demo && !home) ? { wholeInstitution: true } : {}) },
      tokenVersion: user.tokenVersion ?? 0,
    };
  }

  /** Revokes every token of an account: ADMIN for anyone, anyone for themselves. */
  async signOutEverywhere(input: unknown): Promise<UserRecord> {
    const viewer = this.ctx.guard.requireViewer();
    const { id } = parseInput(z.object({ id: z.string().nullish() }), input ?? {});
    const _id = id ? idOfType(id, 'User') : namesAccount(viewer) ? viewer.userId : null;
    if (!_id) throw userError(['input', 'id'], 'NOT_FOUND', id ? t('account.notFound', { id }) : t('account.developmentToken'));
    if (String(_id) !== viewer.userId) this.ctx.guard.requireRole(['ADMIN'], t('action.signOutOthers'));
    const after = (await this.ctx.models.User.findByIdAndUpdate(_id, { $inc: { tokenVersion: 1 } }, { returnDocument: 'after' }).lean()) as UserRecord | null;
    if (!after) throw userError(['input', 'id'], 'NOT_FOUND', t('account.notFound', { id: id ?? '' }));
    const before = { ...after, tokenVersion: after.tokenVersion - 1 };
    await this.ctx.services.audit.record('userSignOutEverywhere', 'User', after._id, before, after);
    return after;
  }

  /** An explicit null order is the default one (username, ascending). */
  list(order: UserOrder | null | undefined, page: PageArgs) {
    this.ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.listAccounts'));
    const field = order?.field === 'CREATED_AT' ? 'createdAt' : 'username';
    return paginate<UserRecord>(this.ctx.models.User, {}, { field, direction: order?.direction === 'DESC' ? -1 : 1 }, page);
  }

  private async scopeIds(globalIds: string[] | null | undefined, type: 'Department' | 'UnionGroup', field: string): Promise<Types.ObjectId[]> {
    const ids: Types.ObjectId[] = [];
    for (const [i, gid] of (globalIds ?? []).entries()) {
      const id = idOfType(gid, type);
      const doc = id ? await (type === 'Department' ? this.ctx.loaders.department : this.ctx.loaders.unionGroup).load(id) : null;
      if (!doc) throw userError(['input', field, String(i)], 'NOT_FOUND', t('account.placeNotFound', { type, id: gid }));
      ids.push(doc._id);
    }
    return ids;
  }

  /** The roles the viewer may give: an ADMIN those of the institution, a FEDERATION_ADMIN the federation's. */
  private requireGrantable(role: string, field: string[]) {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.manageAccounts'));
    const allowed: readonly string[] = viewer.role === 'ADMIN' ? INSTITUTION_ROLES : FEDERATION_ROLES;
    if (!allowed.includes(role)) throw userError(field, 'INVALID', t('account.rolesYouMayGive', { roles: allowed }));
  }

  async create(input: unknown): Promise<UserRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.createAccount'));
    const data = parseInput(createSchema, input);
    this.requireGrantable(data.role, ['input', 'role']);
    const departments = await this.scopeIds(data.departmentIds, 'Department', 'departmentIds');
    const unionGroups = await this.scopeIds(data.unionGroupIds, 'UnionGroup', 'unionGroupIds');
    const wholeInstitution = data.role === 'CLERK' && Boolean(data.wholeInstitution);
    if (data.role === 'CLERK' && !wholeInstitution && !departments.length && !unionGroups.length) {
      throw userError(['input', 'departmentIds'], 'REQUIRED', t('account.clerkNeedsScope'));
    }
    const existing = await acrossInstitutions(() => this.ctx.models.User.findOne({ username: data.username }).lean());
    if (existing) throw userError(['input', 'username'], 'DUPLICATE', t('account.usernameTaken', { username: data.username }));
    const doc = await writeOrDuplicate(
      async () =>
        this.ctx.models.User.create({
          username: data.username,
          passwordHash: await hashPassword(data.password),
          displayName: data.displayName,
          role: data.role,
          wholeInstitution,
          departments,
          unionGroups,
          ...(isFederationRole(data.role) ? { institution: null } : {}),
        }),
      { username: 'username' },
      'account',
    );
    const { passwordHash: _hidden, ...created } = doc.toObject() as UserRecord;
    await this.ctx.services.audit.record('userCreate', 'User', created._id, null, created);
    return created as UserRecord;
  }

  async update(input: unknown): Promise<UserRecord> {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.changeAccount'));
    const { id, password: newPassword, departmentIds, unionGroupIds, ...patch } = parseInput(updateSchema, input);
    if (patch.role) this.requireGrantable(patch.role, ['input', 'role']);
    const _id = idOfType(id, 'User');
    const before = _id ? ((await this.ctx.models.User.findById(_id).lean()) as UserRecord | null) : null;
    if (!_id || !before) throw userError(['input', 'id'], 'NOT_FOUND', t('account.notFound', { id }));
    if (patch.role && isFederationRole(patch.role) !== isFederationRole(before.role)) {
      throw userError(['input', 'role'], 'INVALID', t('account.roleFamily'));
    }
    if (String(before._id) === viewer.userId && (patch.active === false || (patch.role && patch.role !== 'ADMIN'))) {
      throw userError(['input', patch.active === false ? 'active' : 'role'], 'INVALID_STATE', t('account.notYourself'));
    }
    const set: Record<string, unknown> = { ...patch };
    if (departmentIds) set.departments = await this.scopeIds(departmentIds, 'Department', 'departmentIds');
    if (unionGroupIds) set.unionGroups = await this.scopeIds(unionGroupIds, 'UnionGroup', 'unionGroupIds');
    const usernameRefusal = newPassword && usernameProblem(newPassword, before.username);
    if (usernameRefusal) throw userError(['input', 'password'], 'INVALID', usernameRefusal);
    if (newPassword) set.passwordHash = await hashPassword(newPassword);
    // What a token states (role, scope, being active) or what signs in (the password) changed: old tokens stop working.
    const revokes = Boolean(newPassword) || departmentIds !== undefined || unionGroupIds !== undefined || (patch.wholeInstitution !== undefined && patch.wholeInstitution !== before.wholeInstitution) || (patch.role !== undefined && patch.role !== before.role) || (patch.active !== undefined && patch.active !== before.active);
    const update = revokes ? { $set: set, $inc: { tokenVersion: 1 } } : { $set: set };
    const after = (await this.ctx.models.User.findByIdAndUpdate(_id, update, { returnDocument: 'after' }).lean()) as UserRecord;
    const changes = newPassword ? { ...after, password: 'changed' } : after;
    await this.ctx.services.audit.record('userUpdate', 'User', _id, before, changes);
    return after;
  }
}
