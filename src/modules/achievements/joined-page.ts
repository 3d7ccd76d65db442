// A page of the achievements list read together with the records its rows show (recipients,
// their departments, the competition) in one aggregation: one round trip to the database
// instead of one per kind of record, each of which costs about as much as the page itself.
// The joined records go into the request's loaders, so the field resolvers stay as they are.
import type { PipelineStage, Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import type { PageReader } from '../../shared/pagination.js';
import { currentTenancy } from '../../shared/tenancy.js';
import type { CompetitionRecord } from '../competitions/model.js';
import type { DepartmentRecord } from '../organisation/model.js';
import type { PersonRecord } from '../people/model.js';

/** The records a page may join, by the achievement field that names them. */
export type PageJoin = 'people' | 'departments' | 'competition';

type Joined = { _id: Types.ObjectId; institution?: Types.ObjectId | null };

/** Where a join's records sit on a row until they go to the loaders. */
const joinedAs = (join: PageJoin) => `__joined_${join}`;

/** A page reader joining `joins`; the plain find when there is nothing to join. */
export function joiningReader(ctx: RequestContext, joins: ReadonlySet<PageJoin>): PageReader | undefined {
  if (!joins.size) return undefined;
  const { models, loaders } = ctx;
  const targets: Record<PageJoin, { collection: string; prime: (record: Joined) => void; sharedCatalogue: boolean }> = {
    people: { collection: models.Person.collection.name, prime: (r) => loaders.person.prime(r._id, r as PersonRecord), sharedCatalogue: false },
    departments: { collection: models.Department.collection.name, prime: (r) => loaders.department.prime(r._id, r as DepartmentRecord), sharedCatalogue: false },
    competition: { collection: models.Competition.collection.name, prime: (r) => loaders.competition.prime(r._id, r as CompetitionRecord), sharedCatalogue: true },
  };
  return async (query, sort, limit, projection) => {
    const tenancy = currentTenancy('joining a page of achievements');
    // The store joins by _id; its tenancy is checked here, as the loaders' finds would have had it.
    const visible = (doc: Joined, sharedCatalogue: boolean) =>
      !('institution' in tenancy) || (doc.institution ? doc.institution.equals(tenancy.institution) : sharedCatalogue);
    const pipeline: PipelineStage[] = [{ $match: query }, { $sort: sort }, { $limit: limit }];
    if (projection) pipeline.push({ $project: { ...projection, ...Object.fromEntries([...joins].map((j) => [j, 1])) } });
    for (const join of joins) pipeline.push({ $lookup: { from: targets[join].collection, localField: join, foreignField: '_id', as: joinedAs(join) } });
    const docs = (await models.Achievement.aggregate(pipeline)) as Record<string, unknown>[];
    // Last added, first removed: a row keeps its shape (deleting another field would not).
    const taken = [...joins].reverse().map((join) => ({ as: joinedAs(join), ...targets[join] }));
    for (const doc of docs) {
      for (const { as, prime, sharedCatalogue } of taken) {
        for (const record of doc[as] as Joined[]) if (visible(record, sharedCatalogue)) prime(record);
        delete doc[as];
      }
    }
    return docs;
  };
}
