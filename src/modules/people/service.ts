import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { ErrorList, writeOrDuplicate } from '../../shared/duplicates.js';
import { badUserInput, userError, UserInputFailure } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { optionalText, parseInput, text } from '../../shared/validation.js';
import { escapeRegex } from '../organisation/service.js';
import { EMPLOYMENT_STATUSES, GENDERS, type PersonRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';

const staffNumber = text('field.staffNumber', 32).regex(/^[A-Za-z0-9_-]+$/, { error: () => t('person.staffNumberFormat') });
const pastDate = z
  .date()
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getTime() <= Date.now() + 86_400_000, { error: () => t('person.birthRange') });

const fields = {
  staffNumber,
  name: text('field.personName', 40),
  gender: z.enum(GENDERS).nullish(),
  departmentId: z.string().nullish(),
  unionGroupId: z.string().nullish(),
  position: optionalText('field.position', 60),
  unionMemberSince: pastDate.nullish(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
};
const createSchema = z.object({ ...fields, employmentStatus: fields.employmentStatus.default('ACTIVE') });
const updateSchema = z.object({ id: z.string() }).extend(z.object(fields).partial().shape);
const archiveSchema = z.object({ id: z.string(), reason: text('field.reason', 200) });

export interface PersonFilter {
  departmentId?: string | null;
  unionGroupId?: string | null;
  search?: string | null;
  employmentStatus?: string | null;
  gender?: string | null;
  includeArchived?: boolean | null;
}
export interface PersonOrder {
  field: 'NAME' | 'STAFF_NUMBER' | 'CREATED_AT';
  direction: 'ASC' | 'DESC';
}

const ORDER_FIELDS = { NAME: 'name', STAFF_NUMBER: 'staffNumber', CREATED_AT: 'createdAt' } as const;

export class PeopleService {
  constructor(private readonly ctx: RequestContext) {}

  /** An explicit null order is the default one (name, ascending). */
  list(filter: PersonFilter | null | undefined, order: PersonOrder | null | undefined, page: PageArgs) {
    this.ctx.guard.requireViewer();
    const query: Record<string, unknown> = {};
    if (!filter?.includeArchived) query.archived = false;
    if (filter?.departmentId) query.department = this.filterId(filter.departmentId, 'Department', 'filter.departmentId');
    if (filter?.unionGroupId) query.unionGroup = this.filterId(filter.unionGroupId, 'UnionGroup', 'filter.unionGroupId');
    if (filter?.employmentStatus) query.employmentStatus = filter.employmentStatus;
    if (filter?.gender) query.gender = filter.gender;
    if (filter?.search) {
      const re = new RegExp(escapeRegex(filter.search.slice(0, 100)), 'i');
      query.$or = [{ name: re }, { staffNumber: re }];
    }
    return paginate<PersonRecord>(this.ctx.models.Person, query, { field: ORDER_FIELDS[order?.field ?? 'NAME'], direction: order?.direction === 'DESC' ? -1 : 1 }, page);
  }

  private filterId(globalId: string, type: string, field: string): Types.ObjectId {
    const id = idOfType(globalId, type);
    if (!id) throw badUserInput(t('id.notOfType', { field, type }), field);
    return id;
  }

  /** Resolves department and union-group ids of an input; unknown ids are userErrors. */
  private async resolvePlaces(input: { departmentId?: string | null; unionGroupId?: string | null }) {
    const errors = new ErrorList();
    const resolve = async (globalId: string | null | undefined, type: 'Department' | 'UnionGroup', field: string) => {
      if (globalId === undefined) return undefined;
      if (globalId === null) return null;
      const id = idOfType(globalId, type);
      const doc = id ? await (type === 'Department' ? this.ctx.loaders.department : this.ctx.loaders.unionGroup).load(id) : null;
      if (!doc) {
        errors.add(userError(['input', field], 'NOT_FOUND', t('account.placeNotFound', { type, id: globalId })));
        return undefined;
      }
      return doc._id;
    };
    const department = await resolve(input.departmentId, 'Department', 'departmentId');
    const unionGroup = await resolve(input.unionGroupId, 'UnionGroup', 'unionGroupId');
    errors.throwIfAny();
    return { department, unionGroup };
  }

  private async assertStaffNumberFree(staffNumber: string | undefined, self?: Types.ObjectId) {
    if (!staffNumber) return;
    const existing = (await this.ctx.models.Person.findOne({ staffNumber }).lean()) as PersonRecord | null;
    if (existing && !(self && existing._id.equals(self))) {
      throw new UserInputFailure([
        { field: ['input', 'staffNumber'], code: 'DUPLICATE', message: t('person.staffNumberTaken', { staffNumber, name: existing.name, id: toGlobalId('Person', existing._id) }) },
      ]);
    }
  }

  /** With `dryRun`, every check runs and nothing is written (imports preview this way). */
  async create(input: unknown, options: { dryRun?: boolean } = {}): Promise<PersonRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.addPerson'));
    const data = parseInput(createSchema, input);
    const { department, unionGroup } = await this.resolvePlaces(data);
    await this.ctx.guard.requireWriteAt(t('action.addPerson'), { department, unionGroup });
    await this.assertStaffNumberFree(data.staffNumber);
    const { departmentId: _d, unionGroupId: _g, ...rest } = data;
    if (options.dryRun) return { ...rest, department, unionGroup, _id: new Types.ObjectId(), archived: false } as unknown as PersonRecord;
    const doc = await writeOrDuplicate(() => this.ctx.models.Person.create({ ...rest, department, unionGroup }), { staffNumber: 'staffNumber' }, 'person');
    const created = doc.toObject() as PersonRecord;
    await this.ctx.services.audit.record('personCreate', 'Person', created._id, null, created);
    return created;
  }

  private async loadForWrite(globalId: string): Promise<PersonRecord> {
    const id = idOfType(globalId, 'Person');
    const person = id ? ((await this.ctx.models.Person.findById(id).lean()) as PersonRecord | null) : null;
    if (!person) throw userError(['input', 'id'], 'NOT_FOUND', t('recipients.personNotFound', { id: globalId }));
    return person;
  }

  async update(input: unknown): Promise<PersonRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.changePerson'));
    const { id, departmentId, unionGroupId, ...patch } = parseInput(updateSchema, input);
    const before = await this.loadForWrite(id);
    await this.ctx.guard.requireWriteAt(t('action.changePerson'), before);
    const places = await this.resolvePlaces({ departmentId, unionGroupId });
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [k, v] of Object.entries({ ...patch, ...places })) {
      if (v === undefined) continue;
      if (v === null) {
        if (k === 'staffNumber' || k === 'name' || k === 'employmentStatus') throw userError(['input', k], 'REQUIRED', t('record.cannotClear', { field: k }));
        unset[k] = '';
      } else set[k] = v;
    }
    const placeAfter = (field: 'department' | 'unionGroup') =>
      field in set ? (set[field] as Types.ObjectId) : field in unset ? null : before[field];
    const target = { department: placeAfter('department'), unionGroup: placeAfter('unionGroup') };
    await this.ctx.guard.requireWriteAt(t('action.movePerson'), target);
    await this.assertStaffNumberFree(patch.staffNumber, before._id);
    const after = (await writeOrDuplicate(
      () => this.ctx.models.Person.findByIdAndUpdate(before._id, { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) }, { returnDocument: 'after' }).lean(),
      { staffNumber: 'staffNumber' },
      'person',
    )) as PersonRecord;
    await this.ctx.services.audit.record('personUpdate', 'Person', before._id, before, after);
    return after;
  }

  async archive(input: unknown): Promise<PersonRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.archivePerson'));
    const { id, reason } = parseInput(archiveSchema, input);
    const before = await this.loadForWrite(id);
    await this.ctx.guard.requireWriteAt(t('action.archivePerson'), before);
    if (before.archived) throw userError(['input', 'id'], 'INVALID_STATE', t('person.alreadyArchived', { name: before.name }));
    const after = (await this.ctx.models.Person.findOneAndUpdate(
      { _id: before._id, archived: false },
      { $set: { archived: true, archivedAt: new Date(), archiveReason: reason } },
      { returnDocument: 'after' },
    ).lean()) as PersonRecord | null;
    if (!after) throw userError(['input', 'id'], 'INVALID_STATE', t('person.archivedMeanwhile', { name: before.name }));
    await this.ctx.services.audit.record('personArchive', 'Person', before._id, before, after);
    return after;
  }
}
