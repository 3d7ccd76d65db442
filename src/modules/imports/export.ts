// Records as sheets. Awards, honours, donations and the union's own events go out in their import layouts, so an
// export can be re-imported (a dry run of it reports every row unchanged); model workers and
// civilised-post campaigns, which have no import, in columns of their own.
import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import type { AchievementRecord } from '../achievements/model.js';
import { collectiveName, type StoredCollective } from '../achievements/recipients.js';
import type { AchievementFilter } from '../achievements/query.js';
import type { CampaignRecord } from '../campaigns/model.js';
import type { CompetitionRecord } from '../competitions/model.js';
import type { DonationRecord } from '../donations/model.js';
import type { PersonRecord } from '../people/model.js';
import { peopleCount, resultWords } from '../vocabulary/numbers.js';
import { label } from '../vocabulary/vocabulary.js';
import { IMPORT_KINDS } from './kinds.js';
import type { ExportTable } from './sheets.js';

const MAX_ROWS = 100_000;

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : '');
type Collective = StoredCollective | null | undefined;

/** Names of the people and departments a set of records mentions, read once. */
async function namesFor(ctx: RequestContext, personIds: Types.ObjectId[]) {
  const people = new Map(((await ctx.models.Person.find({ _id: { $in: [...new Set(personIds.map(String))] } }).lean()) as PersonRecord[]).map((p) => [String(p._id), p]));
  const departments = new Map((await ctx.models.Department.find().lean()).map((d) => [String(d._id), d.name as string]));
  const who = (ids: Types.ObjectId[]) => ids.map((p) => people.get(String(p)));
  return {
    numbers: (ids: Types.ObjectId[]) => who(ids).map((p) => p?.staffNumber ?? '').filter(Boolean).join('、'),
    names: (ids: Types.ObjectId[]) => who(ids).map((p) => p?.name ?? '').filter(Boolean).join('、'),
    collective: (c: Collective) => (c ? collectiveName(c, departments.get(String(c.department)), '全院') : ''),
    department: (id: Types.ObjectId) => departments.get(String(id)) ?? '',
  };
}

const inLayout = (headers: string[], cells: Record<string, string | number | null | undefined>) => headers.map((h) => (cells[h] == null ? '' : String(cells[h])));

async function achievementsOf(ctx: RequestContext, filter: AchievementFilter, kind: AchievementRecord['kind']) {
  const query = { ...(await ctx.services.achievements.toQuery(filter)), kind };
  return (await ctx.models.Achievement.find(query as never).sort({ rankKey: 1, _id: 1 }).limit(MAX_ROWS).lean()) as AchievementRecord[];
}

export async function achievementsTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  ctx.guard.requireViewer();
  const awards = await achievementsOf(ctx, filter, 'AWARD');
  const n = await namesFor(ctx, awards.flatMap((a) => a.people));
  const competitions = new Map(((await ctx.models.Competition.find({ _id: { $in: awards.map((a) => a.competition) } }).lean()) as CompetitionRecord[]).map((c) => [String(c._id), c]));
  const headers = IMPORT_KINDS.awards.columns.map((c) => c.header);
  const rows = awards.map((a) => {
    const c = competitions.get(String(a.competition));
    return inLayout(headers, {
      竞赛名称: c?.name ?? a.title,
      品牌: c?.brand,
      主办单位: c?.organiser,
      届次: c?.edition,
      系统: c?.sector,
      级别: label('level', a.level),
      类别: a.category ? label('category', a.category) : '',
      获奖者工号: n.numbers(a.people),
      获奖者姓名: n.names(a.people),
      集体: n.collective(a.collective),
      组别: a.division,
      '奖项/名次': resultWords(a),
      获奖日期: day(a.date),
      证书编号: a.evidence?.certificateNumber,
      备注: a.note,
    });
  });
  return { title: '获奖记录', headers, rows };
}

async function honoursTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  const honours = await achievementsOf(ctx, filter, 'HONOUR');
  const n = await namesFor(ctx, honours.flatMap((h) => h.people));
  const headers = IMPORT_KINDS.honours.columns.map((c) => c.header);
  const rows = honours.map((h) =>
    inLayout(headers, {
      称号: h.title,
      类型: label('honourKind', h.honourKind!),
      授予单位: h.conferredBy,
      系统: h.sector,
      考核得分: h.score,
      原文称号: h.asWritten,
      人数: h.holderCount,
      人员称谓: h.holderNoun,
      级别: label('level', h.level),
      获得者工号: n.numbers(h.people),
      获得者姓名: n.names(h.people),
      集体: n.collective(h.collective),
      年份: h.sinceUnknown ? '不详' : h.year,
      授予日期: day(h.date),
      届次: h.session,
      备注: h.note,
    }),
  );
  return { title: '荣誉称号', headers, rows };
}

async function designationsTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  const designations = await achievementsOf(ctx, filter, 'MODEL_WORKER');
  const n = await namesFor(ctx, designations.flatMap((d) => d.people));
  const headers = ['称号', '名称', '级别', '授予单位', '获得者工号', '获得者姓名', '年份', '授予日期', '届次', '工作室', '备注'];
  const rows = designations.map((d) =>
    inLayout(headers, {
      称号: label('modelWorkerTitle', d.designation!),
      名称: d.title,
      级别: label('level', d.level),
      授予单位: d.conferredBy,
      获得者工号: n.numbers(d.people),
      获得者姓名: n.names(d.people),
      年份: d.year,
      授予日期: day(d.date),
      届次: d.session,
      工作室: d.studio?.name,
      备注: d.note,
    }),
  );
  return { title: '劳模工匠', headers, rows };
}

async function donationsTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  const query: Record<string, unknown> = {};
  if (filter.year != null) query.year = filter.year;
  if (filter.status) query.status = filter.status;
  const donations = (await ctx.models.Donation.find(query).sort({ date: 1, _id: 1 }).limit(MAX_ROWS).lean()) as DonationRecord[];
  const n = await namesFor(ctx, donations.flatMap((d) => (d.donor ? [d.donor] : [])));
  const headers = IMPORT_KINDS.donations.columns.map((c) => c.header);
  const rows = donations.map((d) =>
    inLayout(headers, {
      类型: label('donationKind', d.kind),
      捐赠者工号: d.donor ? n.numbers([d.donor]) : '',
      捐赠者姓名: d.donor ? n.names([d.donor]) : '',
      集体: n.collective(d.donorCollective),
      人数: d.donorCount,
      数量: `${d.quantity}${d.approximate ? '余' : ''}`,
      活动: d.campaign,
      日期: day(d.date),
      备注: d.note,
    }),
  );
  return { title: '捐赠记录', headers, rows };
}

async function campaignsTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  const campaigns = (await ctx.models.CivilisedPostCampaign.find(filter.year != null ? { year: filter.year } : {}).sort({ year: 1, _id: 1 }).limit(MAX_ROWS).lean()) as CampaignRecord[];
  const n = await namesFor(ctx, []);
  const headers = ['科室', '称号', '级别', '年份', '进度', '得分', '各步日期'];
  const rows = campaigns.map((c) =>
    inLayout(headers, {
      科室: n.department(c.department),
      称号: label('civilisedPostTitle', c.title),
      级别: label('level', c.level),
      年份: c.year,
      进度: label('campaignStatus', c.status),
      得分: c.score,
      各步日期: c.steps.map((s) => `${label('campaignStatus', s.status)} ${day(s.date)}`).join('；'),
    }),
  );
  return { title: '文明岗创建', headers, rows };
}

/** The union's own events, in the events-import layout. */
async function eventsTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  const events = (await ctx.models.Competition.find({ hostedByUnion: true, ...(filter.year != null ? { year: filter.year } : {}) }).sort({ year: 1, _id: 1 }).limit(MAX_ROWS).lean()) as CompetitionRecord[];
  const headers = IMPORT_KINDS.events.columns.map((c) => c.header);
  const rows = events.map((c) =>
    inLayout(headers, {
      活动名称: c.name,
      品牌: c.brand,
      届次: c.edition,
      级别: label('level', c.level),
      类别: label('category', c.category),
      年份: c.year,
      参加人数: c.participants ? peopleCount(c.participants, c.participantsApprox) : '',
    }),
  );
  return { title: '工会活动', headers, rows };
}

/** Every kind of record, one sheet each, with the same filter (year and status apply to all). */
export async function recordTables(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable[]> {
  return [await achievementsTable(ctx, filter), await honoursTable(ctx, filter), await designationsTable(ctx, filter), await donationsTable(ctx, filter), await campaignsTable(ctx, filter), await eventsTable(ctx, filter)];
}
