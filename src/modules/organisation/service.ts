import type { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { writeOrDuplicate } from '../../shared/duplicates.js';
import { userError } from '../../shared/errors.js';
import { idOfType } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { parseInput, text } from '../../shared/validation.js';
import { DEPARTMENT_KINDS, type DepartmentRecord, type UnionGroupRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';
import type { UnitNoun } from '../../messages/words.js';

const code = text('field.code', 20).regex(/^[A-Za-z0-9_-]+$/, { error: () => t('unit.codeFormat') });
// `kind` comes only with a department's input (the union group's SDL has no such field).
const kind = z.enum(DEPARTMENT_KINDS);
const createSchema = z.object({ code, name: text('field.name', 60), kind: kind.nullish().transform((k) => k ?? undefined) });
const updateSchema = z.object({ id: z.string(), code: code.optional(), name: text('field.name', 60).optional(), active: z.boolean().optional(), kind: kind.optional() });

export interface OrgUnitFilter {
  search?: string | null;
  active?: boolean | null;
}
export interface OrgUnitOrder {
  field: 'CODE' | 'NAME';
  direction: 'ASC' | 'DESC';
}

type Kind = 'Department' | 'UnionGroup';
type OrgUnit = DepartmentRecord | UnionGroupRecord;

const UNIT: Record<Kind, UnitNoun> = { Department: 'department', UnionGroup: 'unionGroup' };

/** A literal pattern; NUL (which BSON patterns cannot hold) as an escape. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\u0000', '\\x00');

/** Departments and union groups: the same shape and rules, ADMIN-managed. */
export class OrganisationService {
  constructor(private readonly ctx: RequestContext) {}

  /** Departments and union groups share the fields this service reads and writes (a department's kind besides). */
  private model(kind: Kind) {
    return (kind === 'Department' ? this.ctx.models.Department : this.ctx.models.UnionGroup) as typeof this.ctx.models.UnionGroup;
  }

  /** An explicit null order is the default one (code, ascending). */
  list(kind: Kind, filter: OrgUnitFilter | null | undefined, order: OrgUnitOrder | null | undefined, page: PageArgs) {
    this.ctx.guard.requireViewer();
    const query: Record<string, unknown> = {};
    if (filter?.active != null) query.active = filter.active;
    if (filter?.search) {
      const re = new RegExp(escapeRegex(filter.search.slice(0, 100)), 'i');
      query.$or = [{ code: re }, { name: re }];
    }
    const field = order?.field === 'NAME' ? 'name' : 'code';
    return paginate<OrgUnit>(this.model(kind), query, { field, direction: order?.direction === 'DESC' ? -1 : 1 }, page);
  }

  async create(kind: Kind, input: unknown): Promise<OrgUnit> {
    this.ctx.guard.requireRole(['ADMIN'], t(kind === 'Department' ? 'action.createDepartment' : 'action.createUnionGroup'));
    const data = parseInput(createSchema, input);
    await this.assertUnique(kind, data, null);
    const doc = await writeOrDuplicate(() => this.model(kind).create(data), { code: 'code', name: 'name' }, UNIT[kind]);
    const created = doc.toObject() as OrgUnit;
    await this.ctx.services.audit.record(`${kind === 'Department' ? 'department' : 'unionGroup'}Create`, kind, created._id, null, created);
    return created;
  }

  async update(kind: Kind, input: unknown): Promise<OrgUnit> {
    this.ctx.guard.requireRole(['ADMIN'], t(kind === 'Department' ? 'action.changeDepartment' : 'action.changeUnionGroup'));
    const { id, ...patch } = parseInput(updateSchema, input);
    const _id = idOfType(id, kind);
    const before = _id ? ((await this.model(kind).findById(_id).lean()) as OrgUnit | null) : null;
    if (!_id || !before) throw userError(['input', 'id'], 'NOT_FOUND', t('unit.notFound', { unit: UNIT[kind], id }));
    await this.assertUnique(kind, patch, _id);
    const after = (await writeOrDuplicate(
      () => this.model(kind).findByIdAndUpdate(_id, { $set: patch }, { returnDocument: 'after' }).lean(),
      { code: 'code', name: 'name' },
      UNIT[kind],
    )) as OrgUnit;
    await this.ctx.services.audit.record(`${kind === 'Department' ? 'department' : 'unionGroup'}Update`, kind, _id, before, after);
    return after;
  }

  private async assertUnique(kind: Kind, data: { code?: string; name?: string }, self: Types.ObjectId | null) {
    for (const field of ['code', 'name'] as const) {
      if (!data[field]) continue;
      const existing = (await this.model(kind).findOne({ [field]: data[field] }).lean()) as OrgUnit | null;
      if (existing && (!self || !existing._id.equals(self))) {
        throw userError(['input', field], 'DUPLICATE', t('unit.codeTaken', { unit: UNIT[kind], code: existing.code, name: existing.name, field, value: data[field] }));
      }
    }
  }
}
