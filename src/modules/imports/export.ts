// The achievements list as a sheet, in the awards import layout, so an export can be
// re-imported (and a dry run of it reports every row unchanged).
import type { RequestContext } from '../../context.js';
import type { AchievementRecord } from '../achievements/model.js';
import type { AchievementFilter } from '../achievements/query.js';
import type { CompetitionRecord } from '../competitions/model.js';
import type { PersonRecord } from '../people/model.js';
import { awardResultLabel } from '../vocabulary/numbers.js';
import { label } from '../vocabulary/vocabulary.js';
import { IMPORT_KINDS } from './kinds.js';
import type { ExportTable } from './sheets.js';

const MAX_ROWS = 100_000;

export async function achievementsTable(ctx: RequestContext, filter: AchievementFilter): Promise<ExportTable> {
  ctx.guard.requireViewer();
  const query: Record<string, unknown> = { ...(await ctx.services.achievements.toQuery(filter)), kind: 'AWARD' };
  const awards = (await ctx.models.Achievement.find(query as never).sort({ rankKey: 1, _id: 1 }).limit(MAX_ROWS).lean()) as AchievementRecord[];
  const people = new Map(
    ((await ctx.models.Person.find({ _id: { $in: [...new Set(awards.flatMap((a) => a.people.map(String)))] } }).lean()) as PersonRecord[]).map((p) => [String(p._id), p]),
  );
  const competitions = new Map(((await ctx.models.Competition.find({ _id: { $in: awards.map((a) => a.competition) } }).lean()) as CompetitionRecord[]).map((c) => [String(c._id), c]));
  const departments = new Map((await ctx.models.Department.find().lean()).map((d) => [String(d._id), d.name]));
  const headers = IMPORT_KINDS.awards.columns.map((c) => c.header);
  const rows = awards.map((a) => {
    const c = competitions.get(String(a.competition));
    const who = a.people.map((p) => people.get(String(p)));
    const cells: Record<string, string> = {
      竞赛名称: c?.name ?? a.title,
      品牌: c?.brand ?? '',
      主办单位: c?.organiser ?? '',
      级别: label('level', a.level),
      类别: a.category ? label('category', a.category) : '',
      获奖者工号: who.map((p) => p?.staffNumber ?? '').filter(Boolean).join('、'),
      获奖者姓名: who.map((p) => p?.name ?? '').filter(Boolean).join('、'),
      科室: '',
      集体: a.collective ? (a.collective.kind === 'INSTITUTION' ? '全院' : (departments.get(String(a.collective.department)) ?? '')) : '',
      '奖项/名次': awardResultLabel(a),
      获奖日期: a.date ? a.date.toISOString().slice(0, 10) : '',
      证书编号: a.evidence?.certificateNumber ?? '',
      备注: a.note ?? '',
    };
    return headers.map((h) => cells[h] ?? '');
  });
  return { title: '获奖记录', headers, rows };
}
