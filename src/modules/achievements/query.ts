import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { badUserInput } from '../../shared/errors.js';
import { idOfType } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { label } from '../vocabulary/vocabulary.js';
import type { AchievementRecord } from './model.js';
import { joiningReader, type PageJoin } from './joined-page.js';
import { achievementProjection } from './projection.js';
import { achievementStats, type StatDimension } from './stats.js';
import { escapeRegex } from '../organisation/service.js';
import { t } from '../../shared/i18n/t.js';

export interface AchievementFilter {
  year?: number | null;
  levelAtLeast?: string | null;
  category?: string | null;
  departmentId?: string | null;
  personId?: string | null;
  unionGroupId?: string | null;
  status?: string | null;
  kind?: string | null;
  search?: string | null;
}

export type AchievementOrder = 'RANK' | 'DATE';

const MAX_SEARCH = 50;

/** Reads of the achievements list and the profiles' counts. */
export class AchievementQueryService {
  constructor(private readonly ctx: RequestContext) {}

  private idFilter(globalId: string, type: string, field: string): Types.ObjectId {
    const id = idOfType(globalId, type);
    if (!id) throw badUserInput(t('id.notOfType', { field, type }), field);
    return id;
  }

  async toQuery(filter: AchievementFilter | null | undefined): Promise<Record<string, unknown>> {
    const query: Record<string, unknown> = {};
    if (filter?.year != null) query.year = filter.year;
    if (filter?.status) query.status = filter.status;
    if (filter?.kind) query.kind = filter.kind;
    if (filter?.category) query.category = filter.category;
    if (filter?.levelAtLeast) query.levelRank = { $lte: (await this.ctx.services.ranking.ranker()).levelRank(filter.levelAtLeast) };
    if (filter?.departmentId) query.departments = this.idFilter(filter.departmentId, 'Department', 'filter.departmentId');
    if (filter?.personId) query.people = this.idFilter(filter.personId, 'Person', 'filter.personId');
    if (filter?.unionGroupId) query.unionGroups = this.idFilter(filter.unionGroupId, 'UnionGroup', 'filter.unionGroupId');
    const search = filter?.search?.trim();
    if (search) {
      if ([...search].length > MAX_SEARCH) throw badUserInput(t('search.tooLong', { max: MAX_SEARCH }), 'filter.search');
      // Words of the title, or a recipient's name.
      const pattern = new RegExp(escapeRegex(search), 'i');
      const named = (await this.ctx.models.Person.find({ name: pattern }, { _id: 1 }).limit(500).lean()) as { _id: Types.ObjectId }[];
      query.$or = [{ title: pattern }, ...(named.length ? [{ people: { $in: named.map((p) => p._id) } }] : [])];
    }
    return query;
  }

  /**
   * A page of records; `fields`, the GraphQL fields its readers select, limits what is read,
   * and `joins`, the records its rows show, are read with it (see joined-page.ts).
   */
  async list(filter: AchievementFilter | null | undefined, order: AchievementOrder, page: PageArgs, extra: Record<string, unknown> = {}, fields?: ReadonlySet<string>, joins: ReadonlySet<PageJoin> = new Set()) {
    this.ctx.guard.requireViewer();
    const query = { ...(await this.toQuery(filter)), ...extra };
    const ordering = order === 'DATE' ? ({ field: 'sortDate', direction: -1 } as const) : ({ field: 'rankKey', direction: 1 } as const);
    const projection = achievementProjection(fields, ordering.field);
    const read = projection ? joiningReader(this.ctx, joins, projection) : undefined;
    return paginate<AchievementRecord>(this.ctx.models.Achievement, query, ordering, page, projection, read);
  }

  /** Counts per group of the filtered records, for dashboards (see stats.ts). */
  async stats(filter: AchievementFilter | null | undefined, groupBy: StatDimension[]) {
    this.ctx.guard.requireViewer();
    return achievementStats(this.ctx, await this.toQuery(filter), groupBy);
  }

  /** Counts by year and level, newest year first, highest level first. */
  async counts(match: Record<string, unknown>, status: string | null | undefined) {
    this.ctx.guard.requireViewer();
    const rows = (await this.ctx.models.Achievement.aggregate([
      // A title held since an unknown year is counted in no year.
      { $match: { ...match, ...(status ? { status } : {}), sinceUnknown: { $ne: true } } },
      { $group: { _id: { year: '$year', level: '$level', levelRank: '$levelRank' }, count: { $sum: 1 } } },
      { $sort: { '_id.year': -1, '_id.levelRank': 1 } },
    ])) as { _id: { year: number; level: string }; count: number }[];
    return rows.map((r) => ({ year: r._id.year, level: r._id.level, levelLabel: label('level', r._id.level), count: r.count }));
  }
}
