import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import type { PersonRecord } from './model.js';
import type { PersonFilter, PersonOrder } from './service.js';

type Input = { input: unknown };

export const peopleResolvers = {
  Query: {
    people: (_: unknown, a: PageArgs & { orderBy: PersonOrder; filter?: PersonFilter | null }, ctx: RequestContext) =>
      ctx.services.people.list(a.filter, a.orderBy, a),
  },
  Mutation: {
    personCreate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('person', () => ctx.services.people.create(input)),
    personUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('person', () => ctx.services.people.update(input)),
    personArchive: (_: unknown, { input }: Input, ctx: RequestContext) => payload('person', () => ctx.services.people.archive(input)),
  },
  Person: {
    id: (p: PersonRecord) => toGlobalId('Person', p._id),
    department: (p: PersonRecord, _: unknown, ctx: RequestContext) => (p.department ? ctx.loaders.department.load(p.department) : null),
    unionGroup: (p: PersonRecord, _: unknown, ctx: RequestContext) => (p.unionGroup ? ctx.loaders.unionGroup.load(p.unionGroup) : null),
  },
};
