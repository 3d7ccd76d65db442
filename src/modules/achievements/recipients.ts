import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import type { ScopeTarget } from '../../shared/auth/guard.js';
import { ErrorList } from '../../shared/duplicates.js';
import { userError } from '../../shared/errors.js';
import { idOfType } from '../../shared/ids.js';
import { t } from '../../shared/i18n/t.js';
import { collectiveKey } from './recipient-keys.js';

export interface CollectiveInput {
  kind: 'DEPARTMENT' | 'INSTITUTION';
  departmentId?: string | null;
  team?: boolean | null;
}

export interface StoredCollective {
  kind: 'DEPARTMENT' | 'INSTITUTION';
  department?: Types.ObjectId | null;
  /** A team fielded by the department or the institution (代表队), not the unit itself. */
  team?: boolean | null;
}

/** How a collective is named: the department, or the institution as it names itself, and 代表队 for a team. */
export const collectiveName = (c: StoredCollective, departmentName: string | null | undefined, selfReference: string) =>
  `${c.kind === 'INSTITUTION' ? selfReference : (departmentName ?? '')}${c.team ? '代表队' : ''}`;

export interface Recipients {
  people: Types.ObjectId[];
  collective: StoredCollective | null;
  /** Departments and union groups concerned (people's at entry, and the collective's). */
  departments: Types.ObjectId[];
  unionGroups: Types.ObjectId[];
  /** One scope target per recipient: a clerk must cover every one. */
  targets: ScopeTarget[];
}

const uniqueIds = (ids: (Types.ObjectId | null | undefined)[]) => {
  const seen = new Map<string, Types.ObjectId>();
  for (const id of ids) if (id) seen.set(String(id), id);
  return [...seen.values()];
};

/** Resolves people and a collective from global ids; unknown ids are userErrors. */
export async function resolveRecipients(
  ctx: RequestContext,
  personIds: readonly string[] | null | undefined,
  collective: CollectiveInput | null | undefined,
  fields: { people: string; collective: string },
): Promise<Recipients> {
  const errors = new ErrorList();
  const people: Types.ObjectId[] = [];
  const targets: ScopeTarget[] = [];
  const departments: (Types.ObjectId | null | undefined)[] = [];
  const unionGroups: (Types.ObjectId | null | undefined)[] = [];
  const seen = new Set<string>();
  for (const [i, gid] of (personIds ?? []).entries()) {
    const id = idOfType(gid, 'Person');
    const person = id ? await ctx.loaders.person.load(id) : null;
    if (!person) {
      errors.add(userError(['input', fields.people, String(i)], 'NOT_FOUND', t('recipients.personNotFound', { id: gid })));
      continue;
    }
    if (seen.has(String(person._id))) {
      errors.add(userError(['input', fields.people, String(i)], 'INVALID', t('recipients.listedTwice', { name: person.name })));
      continue;
    }
    seen.add(String(person._id));
    people.push(person._id);
    departments.push(person.department);
    unionGroups.push(person.unionGroup);
    targets.push({ department: person.department, unionGroup: person.unionGroup });
  }
  let stored: StoredCollective | null = null;
  if (collective) {
    if (collective.kind === 'DEPARTMENT') {
      const id = collective.departmentId ? idOfType(collective.departmentId, 'Department') : null;
      const department = id ? await ctx.loaders.department.load(id) : null;
      if (!collective.departmentId) errors.add(userError(['input', fields.collective, 'departmentId'], 'REQUIRED', t('recipients.needsDepartment')));
      else if (!department) errors.add(userError(['input', fields.collective, 'departmentId'], 'NOT_FOUND', t('recipients.departmentNotFound', { id: collective.departmentId })));
      else {
        stored = { kind: 'DEPARTMENT', department: department._id, ...(collective.team ? { team: true } : {}) };
        departments.push(department._id);
        targets.push({ department: department._id });
      }
    } else {
      if (collective.departmentId) errors.add(userError(['input', fields.collective, 'departmentId'], 'INVALID', t('recipients.institutionNoDepartment')));
      stored = { kind: 'INSTITUTION', ...(collective.team ? { team: true } : {}) };
      targets.push({}); // the institution is outside every clerk's scope
    }
  }
  errors.throwIfAny();
  return { people, collective: stored, departments: uniqueIds(departments), unionGroups: uniqueIds(unionGroups), targets };
}

/** Scope targets of a stored record, from its recipients' current places. */
export async function targetsOf(ctx: RequestContext, people: readonly Types.ObjectId[], collective: StoredCollective | null | undefined): Promise<ScopeTarget[]> {
  const targets: ScopeTarget[] = [];
  for (const person of await ctx.loaders.person.loadMany([...people])) {
    if (person && !(person instanceof Error)) targets.push({ department: person.department, unionGroup: person.unionGroup });
  }
  if (collective) targets.push(collective.kind === 'DEPARTMENT' ? { department: collective.department } : {});
  return targets;
}

/** A stable key for a recipient set, used in duplicate detection. */
export function recipientKey(people: readonly Types.ObjectId[], collective: StoredCollective | null | undefined): string {
  const p = people.map(String).sort().join(',');
  const c = collective ? collectiveKey(collective) : '-';
  return `${p}|${c}`;
}
