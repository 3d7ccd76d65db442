// Institutions: the caller's own, the list a federation sees, creation with a first ADMIN
// (FEDERATION_ADMIN), edits, and the removal of a demo sandbox with everything in it.
import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { passwordSchema } from '../../shared/auth/password-policy.js';
import { hashPassword } from '../../shared/auth/passwords.js';
import { isFederationRole } from '../../shared/auth/roles.js';
import { writeOrDuplicate } from '../../shared/duplicates.js';
import { userError } from '../../shared/errors.js';
import { idOfType } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { acrossInstitutions, withinInstitution } from '../../shared/tenancy.js';
import { optionalText, parseInput, text } from '../../shared/validation.js';
import { ownedModels } from '../../models.js';
import type { InstitutionRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';

export const institutionCode = z.string().trim().regex(/^[A-Z0-9_-]{2,20}$/, { error: () => t('institution.codeFormat') });
const fields = {
  name: text('field.name', 60),
  shortName: optionalText('field.shortName', 30),
  selfReference: optionalText('field.selfReference', 10),
  region: optionalText('field.region', 60),
};
const createSchema = z.object({
  code: institutionCode,
  ...fields,
  admin: z.object({ username: text('field.username', 40).regex(/^[a-zA-Z0-9_.-]{3,40}$/, { error: () => t('account.usernameFormat') }), password: passwordSchema, displayName: text('field.displayName', 60) }),
});
const updateSchema = z.object({ id: z.string(), name: fields.name.optional(), shortName: fields.shortName, selfReference: fields.selfReference, region: fields.region });
const deleteSchema = z.object({ id: z.string(), confirmCode: z.string().max(40) });

export class InstitutionService {
  constructor(private readonly ctx: RequestContext) {}

  /** Institutions the viewer may see: every one for the federation roles; else their own and the demo sandboxes. */
  private visible(): Record<string, unknown> {
    const viewer = this.ctx.guard.requireViewer();
    return isFederationRole(viewer.role) ? {} : { $or: [{ _id: this.ctx.institution?._id }, { demo: true }] };
  }

  async byId(id: Types.ObjectId): Promise<InstitutionRecord | null> {
    return (await this.ctx.models.Institution.findOne({ $and: [{ _id: id }, this.visible()] }).lean()) as InstitutionRecord | null;
  }

  list(page: PageArgs) {
    return paginate<InstitutionRecord>(this.ctx.models.Institution, this.visible(), { field: 'code', direction: 1 }, page);
  }

  /** A new institution and its first ADMIN account (FEDERATION_ADMIN). */
  async create(input: unknown): Promise<InstitutionRecord> {
    this.ctx.guard.requireRole(['FEDERATION_ADMIN'], t('action.createInstitution'));
    const data = parseInput(createSchema, input);
    const { Institution, User } = this.ctx.models;
    if (await Institution.exists({ code: data.code })) throw userError(['input', 'code'], 'DUPLICATE', t('institution.codeTaken', { code: data.code }));
    if (await Institution.exists({ name: data.name })) throw userError(['input', 'name'], 'DUPLICATE', t('institution.nameTaken', { name: data.name }));
    if (await acrossInstitutions(() => User.exists({ username: data.admin.username }))) throw userError(['input', 'admin', 'username'], 'DUPLICATE', t('account.usernameTaken', { username: data.admin.username }));
    const { admin, ...rest } = data;
    const institution = (await writeOrDuplicate(() => Institution.create({ ...rest, selfReference: rest.selfReference ?? '我院', demo: false }), { code: 'code', name: 'name' }, 'institution')).toObject() as InstitutionRecord;
    await withinInstitution(institution._id, async () => {
      const account = await User.create({ username: admin.username, passwordHash: await hashPassword(admin.password), displayName: admin.displayName, role: 'ADMIN' });
      await this.ctx.services.audit.record('institutionCreate', 'Institution', institution._id, null, institution, institution._id);
      await this.ctx.services.audit.record('userCreate', 'User', account._id, null, { username: admin.username, role: 'ADMIN' }, institution._id);
    });
    return institution;
  }

  /** Names and how the report refers to itself: the institution's ADMIN, or FEDERATION_ADMIN. */
  async update(input: unknown): Promise<InstitutionRecord> {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.changeInstitution'));
    const { id, ...patch } = parseInput(updateSchema, input);
    const _id = idOfType(id, 'Institution');
    const before = _id && (viewer.role === 'FEDERATION_ADMIN' || String(_id) === viewer.institution) ? await this.byId(_id) : null;
    if (!_id || !before) throw userError(['input', 'id'], 'NOT_FOUND', t('institution.notAdministered', { id }));
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (set.name && set.name !== before.name && (await this.ctx.models.Institution.exists({ name: set.name }))) throw userError(['input', 'name'], 'DUPLICATE', t('institution.nameTaken', { name: set.name }));
    const after = (await this.ctx.models.Institution.findByIdAndUpdate(_id, { $set: set }, { returnDocument: 'after' }).lean()) as InstitutionRecord;
    await this.ctx.services.audit.record('institutionUpdate', 'Institution', _id, before, after, _id);
    return after;
  }

  /**
   * Removes a demo sandbox and every document it owns. Only demo institutions can go, and
   * only when the caller repeats the institution's code.
   */
  async remove(input: unknown): Promise<{ id: Types.ObjectId; deleted: number }> {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.removeInstitution'));
    const { id, confirmCode } = parseInput(deleteSchema, input);
    const _id = idOfType(id, 'Institution');
    const target = _id ? await this.byId(_id) : null;
    if (!_id || !target) throw userError(['input', 'id'], 'NOT_FOUND', t('institution.notFound', { id }));
    if (!target.demo) throw userError(['input', 'id'], 'INVALID_STATE', t('institution.realRecords', { name: target.name }));
    if (confirmCode !== target.code) throw userError(['input', 'confirmCode'], 'INVALID', t('institution.confirmCode', { code: target.code }));
    const deleted = await acrossInstitutions(async () => {
      let n = 0;
      for (const model of ownedModels(this.ctx.models)) n += (await (model as unknown as { deleteMany(f: object): Promise<{ deletedCount: number }> }).deleteMany({ institution: _id })).deletedCount;
      await this.ctx.models.Institution.deleteOne({ _id });
      return n;
    });
    // The entry stays with the caller's own institution (or the federation's, for none).
    const home = viewer.institution && viewer.institution !== String(_id) ? new Types.ObjectId(viewer.institution) : null;
    await acrossInstitutions(() => this.ctx.services.audit.record('institutionDelete', 'Institution', _id, { ...target, documents: deleted }, null, home));
    return { id: _id, deleted };
  }
}
