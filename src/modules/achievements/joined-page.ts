// A page of the achievements list read together with the records its rows show (recipients,
// their departments, the competition) in one aggregation: one round trip to the database
// instead of one per kind of record, each of which costs about as much as the page itself.
// A `$facet` returns the page and each distinct joined record once, in one document; so it
// serves pages of selected fields only, whose rows are small (whole records, with their
// revisions, could pass the 16 MiB a document may hold). The joined records go into the
// request's loaders, so the field resolvers stay as they are.
import type { PipelineStage, Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import type { PageReader } from '../../shared/pagination.js';
import { visibleInTenancy } from '../../shared/tenancy.js';
import type { CompetitionRecord } from '../competitions/model.js';
import type { DepartmentRecord } from '../organisation/model.js';
import type { PersonRecord } from '../people/model.js';

/** The records a page may join, by the achievement field that names them. */
export type PageJoin = 'people' | 'departments' | 'competition';

type Joined = { _id: Types.ObjectId; institution?: Types.ObjectId | null };

/** A page reader joining `joins` to pages of these fields; the plain find when there is nothing to join. */
export function joiningReader(ctx: RequestContext, joins: ReadonlySet<PageJoin>, projection: Record<string, 1>): PageReader | undefined {
  if (!joins.size) return undefined;
  const { models, loaders } = ctx;
  const targets: Record<PageJoin, { collection: string; prime: (record: Joined) => void; sharedCatalogue: boolean }> = {
    people: { collection: models.Person.collection.name, prime: (r) => loaders.person.prime(r._id, r as PersonRecord), sharedCatalogue: false },
    departments: { collection: models.Department.collection.name, prime: (r) => loaders.department.prime(r._id, r as DepartmentRecord), sharedCatalogue: false },
    competition: { collection: models.Competition.collection.name, prime: (r) => loaders.competition.prime(r._id, r as CompetitionRecord), sharedCatalogue: true },
  };
  // Each kind's distinct ids over the page (an array or a single id unwinds alike), then their records.
  const facet: Record<string, PipelineStage.FacetPipelineStage[]> = { rows: [{ $match: {} }] };
  for (const join of joins) facet[join] = [{ $unwind: `$${join}` }, { $group: { _id: `$${join}` } }, { $lookup: { from: targets[join].collection, localField: '_id', foreignField: '_id', as: 'records' } }];
  const fields = { ...projection, ...Object.fromEntries([...joins].map((j) => [j, 1])) };
  return async (query, sort, limit) => {
    const [page] = (await models.Achievement.aggregate([{ $match: query }, { $sort: sort }, { $limit: limit }, { $project: fields }, { $facet: facet }])) as Record<string, { records: Joined[] }[]>[];
    // The store joins by _id; the tenancy is checked here, as the loaders' finds would have had it.
    for (const join of joins) {
      const { prime, sharedCatalogue } = targets[join];
      for (const { records } of page[join]) for (const record of records) if (visibleInTenancy(record, sharedCatalogue)) prime(record);
    }
    return page.rows;
  };
}
