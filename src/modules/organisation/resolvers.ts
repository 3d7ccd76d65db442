import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import type { PersonFilter, PersonOrder } from '../people/service.js';
import type { DepartmentRecord, UnionGroupRecord } from './model.js';
import type { OrgUnitFilter, OrgUnitOrder } from './service.js';

type ListArgs = PageArgs & { orderBy: OrgUnitOrder; filter?: OrgUnitFilter | null };
type PeopleArgs = PageArgs & { orderBy: PersonOrder; filter?: PersonFilter | null };
type Input = { input: unknown };

export const organisationResolvers = {
  Query: {
    departments: (_: unknown, a: ListArgs, ctx: RequestContext) => ctx.services.organisation.list('Department', a.filter, a.orderBy, a),
    unionGroups: (_: unknown, a: ListArgs, ctx: RequestContext) => ctx.services.organisation.list('UnionGroup', a.filter, a.orderBy, a),
  },
  Mutation: {
    departmentCreate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('department', () => ctx.services.organisation.create('Department', input)),
    departmentUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('department', () => ctx.services.organisation.update('Department', input)),
    unionGroupCreate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('unionGroup', () => ctx.services.organisation.create('UnionGroup', input)),
    unionGroupUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('unionGroup', () => ctx.services.organisation.update('UnionGroup', input)),
  },
  Department: {
    id: (d: DepartmentRecord) => toGlobalId('Department', d._id),
    people: (d: DepartmentRecord, a: PeopleArgs, ctx: RequestContext) =>
      ctx.services.people.list({ ...a.filter, departmentId: toGlobalId('Department', d._id) }, a.orderBy, a),
  },
  UnionGroup: {
    id: (g: UnionGroupRecord) => toGlobalId('UnionGroup', g._id),
    people: (g: UnionGroupRecord, a: PeopleArgs, ctx: RequestContext) =>
      ctx.services.people.list({ ...a.filter, unionGroupId: toGlobalId('UnionGroup', g._id) }, a.orderBy, a),
  },
};
