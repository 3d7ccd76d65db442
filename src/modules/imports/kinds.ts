// What each importable sheet holds: its columns (Chinese headers, with help for the
// template), how a row becomes a service input, and how it is applied.
import { Types } from 'mongoose';
import type { CompetitionRecord } from '../competitions/model.js';
import type { DedupeMemo } from '../achievements/dedupe-memo.js';
import type { CompetitionMemo } from './memo.js';
import type { RequestContext } from '../../context.js';
import { UserInputFailure, userError } from '../../shared/errors.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PersonRecord } from '../people/model.js';
import { normalizeName } from '../achievements/similarity.js';
import { CATEGORIES, DONATION_KINDS, HONOUR_KINDS } from '../vocabulary/vocabulary.js';
import type { Cell } from './parse.js';
import { LEVEL_HELP, parseCategory, parseDate, parseDonationKind, parseGender, parseLevel, parseParticipants, parseQuantity, parseResult, splitList } from './words.js';
import { t } from '../../shared/i18n/t.js';

export interface Column {
  header: string;
  required?: boolean;
  help: string;
}

export type RowErrors = { column: string; message: string }[];
export type Outcome = { outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED'; recordId?: string };

/** Lookups shared by all rows of one import (loaded once). */
export interface Lookups {
  peopleByNumber: Map<string, PersonRecord>;
  peopleByName: Map<string, PersonRecord[]>;
  departments: Map<string, { _id: Types.ObjectId; name: string; code: string }>;
  unionGroups: Map<string, { _id: Types.ObjectId; name: string; code: string }>;
  /** Competitions by year and normalised name, as read or created during this import (null: none). */
  competitions: CompetitionMemo;
  /** The stored dedupe keys this import has read (the competitions' memo covers them). */
  dedupe: DedupeMemo;
}

export interface ImportKind {
  kind: string;
  title: string;
  columns: Column[];
  /** Service input fields → the column a clerk should fix. */
  fieldColumns: Record<string, string>;
  /** The row's identity within a file (two rows with the same one are duplicates). */
  rowKey(cells: Record<string, Cell>): string;
  /** Reads at once what the rows will look up (optional): each row then asks the database less. */
  prime?(ctx: RequestContext, rows: readonly Record<string, Cell>[], lookups: Lookups): Promise<void>;
  map(ctx: RequestContext, cells: Record<string, Cell>, lookups: Lookups): Promise<Record<string, unknown> | RowErrors>;
  apply(ctx: RequestContext, input: Record<string, unknown>, dryRun: boolean, lookups: Lookups): Promise<Outcome>;
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());
const opt = (c: Cell | undefined) => text(c) || undefined;

/** People named in a row: by staff numbers, or by name (with the department to tell namesakes apart). */
function resolvePeople(cells: Record<string, Cell>, l: Lookups, cols: { numbers: string; names: string; department: string }, errors: RowErrors): string[] {
  const ids: string[] = [];
  for (const n of splitList(text(cells[cols.numbers]))) {
    const p = l.peopleByNumber.get(n);
    if (p) ids.push(toGlobalId('Person', p._id));
    else errors.push({ column: cols.numbers, message: t('cell.noStaffNumber', { number: n }) });
  }
  if (ids.length || errors.length) return ids;
  const dept = opt(cells[cols.department]);
  for (const name of splitList(text(cells[cols.names]))) {
    let matches = l.peopleByName.get(name) ?? [];
    if (dept) matches = matches.filter((p) => p.department && l.departments.get(dept)?._id.equals(p.department));
    if (matches.length === 1) ids.push(toGlobalId('Person', matches[0]._id));
    else if (!matches.length) errors.push({ column: cols.names, message: t('cell.noPerson', { name, department: dept }) });
    else errors.push({ column: cols.names, message: t('cell.namesakes', { name, count: matches.length }) });
  }
  return ids;
}

/** 全院, a department's name or code, either with 代表队 after it for a team. */
function resolveCollective(value: string | undefined, l: Lookups, column: string, errors: RowErrors) {
  if (!value) return undefined;
  const team = value.endsWith('代表队') ? { team: true } : {};
  const unit = team.team ? value.slice(0, -'代表队'.length) : value;
  if (unit === '全院' || unit === '我院') return { kind: 'INSTITUTION', ...team };
  const d = l.departments.get(unit);
  if (!d) {
    errors.push({ column, message: t('cell.noDepartment', { value: unit }) });
    return undefined;
  }
  return { kind: 'DEPARTMENT', departmentId: toGlobalId('Department', d._id), ...team };
}

function requireDate(cells: Record<string, Cell>, column: string, errors: RowErrors, required = true): Date | undefined {
  if (cells[column] === null || cells[column] === undefined) {
    if (required) errors.push({ column, message: t('cell.required') });
    return undefined;
  }
  const d = parseDate(cells[column]);
  if (!d) errors.push({ column, message: t('cell.badDate', { value: text(cells[column]) }) });
  return d ?? undefined;
}

function requireWord<T>(cells: Record<string, Cell>, column: string, parse: (s: string) => T | undefined, help: string, errors: RowErrors): T | undefined {
  const raw = text(cells[column]);
  if (!raw) {
    errors.push({ column, message: t('cell.required') });
    return undefined;
  }
  const v = parse(raw);
  if (v === undefined) errors.push({ column, message: t('cell.unknownWord', { value: raw, help }) });
  return v;
}

/** A DUPLICATE from the service means the fact is already recorded: unchanged. */
async function createOnce(run: () => Promise<{ _id: Types.ObjectId }>, type: string): Promise<Outcome> {
  try {
    const r = await run();
    return { outcome: 'CREATE', recordId: toGlobalId(type, r._id) };
  } catch (e) {
    if (e instanceof UserInputFailure && e.userErrors.every((u) => u.code === 'DUPLICATE')) return { outcome: 'UNCHANGED' };
    throw e;
  }
}

const people: ImportKind = {
  kind: 'people',
  title: '职工名册',
  columns: [
    { header: '工号', required: true, help: '职工工号，唯一；已有工号的行更新该职工' },
    { header: '姓名', required: true, help: '姓名' },
    { header: '性别', help: '女 或 男' },
    { header: '科室', help: '科室名称或代码，须已在系统中' },
    { header: '工会小组', help: '工会小组名称或代码' },
    { header: '职务职称', help: '如 主管药师' },
    { header: '入会日期', help: '如 2015-03-01' },
  ],
  fieldColumns: { staffNumber: '工号', name: '姓名', gender: '性别', departmentId: '科室', unionGroupId: '工会小组', position: '职务职称', unionMemberSince: '入会日期' },
  rowKey: (c) => text(c['工号']),
  async map(_ctx, c, l) {
    const errors: RowErrors = [];
    const gender = opt(c['性别']) ? parseGender(text(c['性别'])) : undefined;
    if (opt(c['性别']) && !gender) errors.push({ column: '性别', message: t('cell.unknownWord', { value: text(c['性别']), help: '女、男' }) });
    const dep = opt(c['科室']);
    const department = dep ? l.departments.get(dep) : undefined;
    if (dep && !department) errors.push({ column: '科室', message: t('cell.noDepartment', { value: dep }) });
    const grp = opt(c['工会小组']);
    const group = grp ? l.unionGroups.get(grp) : undefined;
    if (grp && !group) errors.push({ column: '工会小组', message: t('cell.noUnionGroup', { value: grp }) });
    const since = requireDate(c, '入会日期', errors, false);
    if (errors.length) return errors;
    return {
      staffNumber: text(c['工号']),
      name: text(c['姓名']),
      gender,
      departmentId: department ? toGlobalId('Department', department._id) : undefined,
      unionGroupId: group ? toGlobalId('UnionGroup', group._id) : undefined,
      position: opt(c['职务职称']),
      unionMemberSince: since,
    };
  },
  async apply(ctx, input, dryRun) {
    const existing = (await ctx.models.Person.findOne({ staffNumber: String(input.staffNumber) }).lean()) as PersonRecord | null;
    if (!existing) return createOnce(() => ctx.services.people.create(input, { dryRun }), 'Person');
    const id = toGlobalId('Person', existing._id);
    const wanted: Record<string, unknown> = { ...input };
    delete wanted.staffNumber;
    const current: Record<string, unknown> = {
      name: existing.name,
      gender: existing.gender ?? undefined,
      departmentId: existing.department ? toGlobalId('Department', existing.department) : undefined,
      unionGroupId: existing.unionGroup ? toGlobalId('UnionGroup', existing.unionGroup) : undefined,
      position: existing.position ?? undefined,
      unionMemberSince: existing.unionMemberSince ?? undefined,
    };
    // Only the cells filled in are applied; an empty cell keeps what is there.
    const changes = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(current[k])));
    if (!Object.keys(changes).length) return { outcome: 'UNCHANGED', recordId: id };
    if (!dryRun) await ctx.services.people.update({ id, ...changes });
    return { outcome: 'UPDATE', recordId: id };
  },
};

const RECIPIENT_COLUMNS = { numbers: '获奖者工号', names: '获奖者姓名', department: '科室' };

const awards: ImportKind = {
  kind: 'awards',
  title: '获奖记录',
  columns: [
    { header: '竞赛名称', required: true, help: '如 中药材真伪鉴别全国大赛；同年同名的竞赛视为同一项' },
    { header: '品牌', help: '如 桐君堂杯' },
    { header: '主办单位', help: '' },
    { header: '届次', help: '如 第五届' },
    { header: '系统', help: '竞赛所在的行业或系统，如 市直卫生健康系统、医药行业' },
    { header: '级别', required: true, help: LEVEL_HELP },
    { header: '类别', required: true, help: CATEGORIES.map((c) => c.label).join('、') },
    { header: '获奖者工号', help: '一人或多人，用顿号分隔；填工号时可不填姓名' },
    { header: '获奖者姓名', help: '无工号时按姓名（加科室）查找' },
    { header: '科室', help: '用于区分同名职工' },
    { header: '集体', help: '获奖集体：科室名称，或“全院”；代表队在后面加“代表队”，如 中药剂科代表队、全院代表队' },
    { header: '奖项/名次', required: true, help: '特等奖、一等奖…优秀奖、优胜奖、金奖/银奖/铜奖、冠军/亚军/季军、优秀组织奖/组织奖、第三名，或其他文字如 多项奖项' },
    { header: '组别', help: '竞赛内的组别，如 专业组、企业组、团体、个人' },
    { header: '获奖日期', required: true, help: '如 2020-10-01、2020/10/1、2020年10月' },
    { header: '证书编号', help: '' },
    { header: '备注', help: '' },
  ],
  fieldColumns: { competitionId: '竞赛名称', personIds: '获奖者工号', collective: '集体', grade: '奖项/名次', placement: '奖项/名次', resultText: '奖项/名次', division: '组别', date: '获奖日期', certificateNumber: '证书编号', note: '备注' },
  rowKey: (c) => [normalizeName(text(c['竞赛名称'])), text(c['获奖者工号']), text(c['获奖者姓名']), text(c['集体']), text(c['奖项/名次']), text(c['组别']), parseDate(c['获奖日期'])?.getUTCFullYear() ?? ''].join('|'),
  async map(ctx, c, l) {
    const errors: RowErrors = [];
    const name = text(c['竞赛名称']);
    if (!name) errors.push({ column: '竞赛名称', message: t('cell.required') });
    const level = requireWord(c, '级别', parseLevel, LEVEL_HELP, errors);
    const category = requireWord(c, '类别', parseCategory, CATEGORIES.map((x) => x.label).join('、'), errors);
    const result = text(c['奖项/名次']) ? parseResult(text(c['奖项/名次'])) : (errors.push({ column: '奖项/名次', message: t('cell.required') }), undefined);
    const date = requireDate(c, '获奖日期', errors);
    const personIds = resolvePeople(c, l, RECIPIENT_COLUMNS, errors);
    const collective = resolveCollective(opt(c['集体']), l, '集体', errors);
    if (!personIds.length && !collective && !errors.length) errors.push({ column: '获奖者工号', message: t('cell.recipientRequired') });
    if (errors.length) return errors;
    const year = date!.getUTCFullYear();
    const competition = await l.competitions.named(ctx, year, name);
    return {
      competition: competition ? toGlobalId('Competition', competition._id) : { name, brand: opt(c['品牌']), organiser: opt(c['主办单位']), edition: opt(c['届次']), sector: opt(c['系统']), level, category, year },
      personIds,
      collective,
      ...result,
      division: opt(c['组别']),
      date,
      certificateNumber: opt(c['证书编号']),
      note: opt(c['备注']),
    };
  },
  async prime(ctx, rows, l) {
    const named = rows.map((c) => ({ year: parseDate(c['获奖日期'])?.getUTCFullYear(), name: text(c['竞赛名称']) }));
    await l.competitions.prime(ctx, named.filter((n): n is { year: number; name: string } => n.year !== undefined && n.name !== ''));
  },
  async apply(ctx, input, dryRun, l) {
    const { competition, ...rest } = input;
    let competitionId = competition as string;
    let known = typeof competition === 'string' ? l.competitions.byGlobalId(competition) : undefined;
    // Another row of the same file may have added it since this row was read.
    const wanted = competition as string | { name: string; year: number };
    const added = typeof wanted === 'string' ? null : await l.competitions.named(ctx, wanted.year, wanted.name);
    if (added) {
      competitionId = toGlobalId('Competition', added._id);
      known = added;
    } else if (typeof wanted !== 'string' && dryRun) {
      // A competition the registry does not know yet is added with the first of its rows. A dry
      // run answers as the commit will: the row is checked against the competition it would
      // add, and so are the file's later rows that name it. Imports keep no warnings: the
      // similar-record lookups are skipped.
      const check = async (draft: CompetitionRecord) => (await createOnce(async () => (await ctx.services.awards.create({ ...rest, competitionId: 'new' }, { dryRun: true, competition: draft, warnings: false })).award, 'Award')).outcome;
      const drafted = l.competitions.draft(wanted.year, wanted.name);
      if (drafted) return { outcome: await check(drafted) };
      // The memo has just said there is none (knownNew).
      const draft = (await ctx.services.competitions.create(competition, { dryRun: true, warnings: false, knownNew: true })).competition;
      const unsaved = { ...draft, _id: new Types.ObjectId() } as CompetitionRecord;
      l.competitions.drafted(unsaved);
      return { outcome: await check(unsaved) };
    } else if (typeof wanted !== 'string') {
      // A commit adds it in the row's transaction, which undoes it if the row is then refused
      // (scope included); a twin added meanwhile meets the unique index.
      const { competition: created, isNew } = await ctx.services.competitions.findOrCreate(wanted, { knownNew: true });
      l.competitions.added(created, isNew);
      known = created;
      competitionId = toGlobalId('Competition', known._id);
    }
    return createOnce(async () => (await ctx.services.awards.create({ ...rest, competitionId }, { dryRun, warnings: false, competition: known })).award, 'Award');
  },
};

const honours: ImportKind = {
  kind: 'honours',
  title: '荣誉称号',
  columns: [
    { header: '称号', required: true, help: '全称，如 浙江省医药行业技术能手' },
    { header: '类型', required: true, help: HONOUR_KINDS.map((k) => k.label).join('、') },
    { header: '授予单位', help: '报告未写明时可不填' },
    { header: '系统', help: '如 省直机关、市直卫生健康系统（写在称号前）' },
    { header: '考核得分', help: '如 96（写作“以96分通过验收”）' },
    { header: '原文称号', help: '证书或报告上的写法，如 2019年度市直卫生健康系统优秀共产党员；填写后按原文起草' },
    { header: '级别', required: true, help: LEVEL_HELP },
    { header: '获得者工号', help: '个人称号填工号（或姓名）' },
    { header: '获得者姓名', help: '' },
    { header: '科室', help: '用于区分同名职工' },
    { header: '集体', help: '集体称号：科室名称，或“全院”' },
    { header: '人数', help: '集体中获此称号的人数（只知人数、不列姓名时），如 12' },
    { header: '人员称谓', help: '这些人是谁，如 护士（默认 职工）' },
    { header: '年份', required: true, help: '如 2020；获得年份不详时填“不详”（不计入任何年度）' },
    { header: '授予日期', help: '' },
    { header: '届次', help: '如 第十七届' },
    { header: '备注', help: '' },
  ],
  fieldColumns: { title: '称号', honourKind: '类型', conferredBy: '授予单位', sector: '系统', score: '考核得分', asWritten: '原文称号', holderCount: '人数', holderNoun: '人员称谓', level: '级别', personId: '获得者工号', collective: '集体', year: '年份', date: '授予日期', session: '届次', note: '备注' },
  rowKey: (c) => [normalizeName(text(c['称号'])), text(c['获得者工号']), text(c['获得者姓名']), text(c['集体']), text(c['年份'])].join('|'),
  async map(_ctx, c, l) {
    const errors: RowErrors = [];
    const kindWord = text(c['类型']);
    const honourKind = HONOUR_KINDS.find((k) => k.label === kindWord || k.value === kindWord || k.label.split('/').some((p) => kindWord && p.includes(kindWord)))?.value;
    if (!kindWord) errors.push({ column: '类型', message: t('cell.required') });
    else if (!honourKind) errors.push({ column: '类型', message: t('cell.unknownWord', { value: kindWord, help: HONOUR_KINDS.map((k) => k.label).join('、') }) });
    const level = requireWord(c, '级别', parseLevel, LEVEL_HELP, errors);
    const sinceUnknown = text(c['年份']) === '不详';
    const year = sinceUnknown ? null : Number(text(c['年份']));
    if (year !== null && !Number.isInteger(year)) errors.push({ column: '年份', message: t('cell.fourDigitYear') });
    const date = requireDate(c, '授予日期', errors, false);
    const personIds = resolvePeople(c, l, { numbers: '获得者工号', names: '获得者姓名', department: '科室' }, errors);
    const collective = resolveCollective(opt(c['集体']), l, '集体', errors);
    const score = opt(c['考核得分']);
    if (score && !/^\d+(\.\d+)?$/.test(score)) errors.push({ column: '考核得分', message: t('cell.badQuantity', { value: score }) });
    const holders = opt(c['人数']);
    if (holders && !/^\d+$/.test(holders)) errors.push({ column: '人数', message: t('cell.badQuantity', { value: holders }) });
    if (errors.length) return errors;
    return { title: text(c['称号']), honourKind, conferredBy: opt(c['授予单位']), sector: opt(c['系统']), score: score ? Number(score) : undefined, asWritten: opt(c['原文称号']), holderCount: holders ? Number(holders) : undefined, holderNoun: opt(c['人员称谓']), level, personId: personIds[0], collective, year, sinceUnknown: sinceUnknown || undefined, date, session: opt(c['届次']), note: opt(c['备注']) };
  },
  apply: (ctx, input, dryRun) => createOnce(async () => (await ctx.services.honours.confer(input, { dryRun, warnings: false })).honour, 'Honour'),
};

const donations: ImportKind = {
  kind: 'donations',
  title: '捐赠记录',
  columns: [
    { header: '类型', required: true, help: DONATION_KINDS.map((d) => `${d.label}（${d.unit}）`).join('、') },
    { header: '捐赠者工号', help: '个人捐赠' },
    { header: '捐赠者姓名', help: '' },
    { header: '科室', help: '用于区分同名职工' },
    { header: '集体', help: '集体捐赠，或汇总数据所属：科室名称或“全院”' },
    { header: '人数', help: '汇总数据的人数，如 108（填人数时不填捐赠者）' },
    { header: '数量', required: true, help: '如 27800；约数写“300余”' },
    { header: '活动', help: '如 抗疫捐款' },
    { header: '日期', required: true, help: '如 2020-06-14' },
    { header: '备注', help: '' },
  ],
  fieldColumns: { kind: '类型', donorPersonId: '捐赠者工号', donorCollective: '集体', donorCount: '人数', quantity: '数量', campaign: '活动', date: '日期', note: '备注' },
  rowKey: (c) => ['类型', '捐赠者工号', '捐赠者姓名', '集体', '人数', '数量', '活动', '日期'].map((k) => text(c[k])).join('|'),
  async map(_ctx, c, l) {
    const errors: RowErrors = [];
    const kind = requireWord(c, '类型', parseDonationKind, DONATION_KINDS.map((d) => d.label).join('、'), errors);
    const q = c['数量'] === null ? null : parseQuantity(c['数量']);
    if (c['数量'] === null) errors.push({ column: '数量', message: t('cell.required') });
    else if (!q) errors.push({ column: '数量', message: t('cell.badQuantity', { value: text(c['数量']) }) });
    const date = requireDate(c, '日期', errors);
    const count = opt(c['人数']);
    if (count && !/^\d+$/.test(count)) errors.push({ column: '人数', message: t('cell.wholeNumber') });
    const personIds = resolvePeople(c, l, { numbers: '捐赠者工号', names: '捐赠者姓名', department: '科室' }, errors);
    const collective = resolveCollective(opt(c['集体']), l, '集体', errors);
    if (errors.length) return errors;
    return { kind, donorPersonId: personIds[0], donorCollective: collective, donorCount: count ? Number(count) : undefined, quantity: q!.quantity, approximate: q!.approximate, campaign: opt(c['活动']), date, note: opt(c['备注']) };
  },
  apply: (ctx, input, dryRun) => createOnce(() => ctx.services.donations.record(input, { dryRun }), 'Donation'),
};

/** The union's own events of a year (组织全院职工冬季趣味运动会，参赛职工200余人): competitions it hosted. */
const events: ImportKind = {
  kind: 'events',
  title: '工会活动',
  columns: [
    { header: '活动名称', required: true, help: '如 冬季趣味运动会' },
    { header: '品牌', help: '如 莲花杯（不含引号）' },
    { header: '届次', help: '如 第三届' },
    { header: '级别', required: true, help: `${LEVEL_HELP}；院内活动填“院级”` },
    { header: '类别', required: true, help: CATEGORIES.map((c) => c.label).join('、') },
    { header: '年份', required: true, help: '如 2020' },
    { header: '参加人数', help: '如 200、200余人、近百人；不详时不填' },
  ],
  fieldColumns: { name: '活动名称', brand: '品牌', edition: '届次', level: '级别', category: '类别', year: '年份', participants: '参加人数', participantsApprox: '参加人数', hostedByUnion: '活动名称' },
  rowKey: (c) => `${text(c['年份'])}|${normalizeName(text(c['活动名称']))}`,
  async map(_ctx, c) {
    const errors: RowErrors = [];
    const name = text(c['活动名称']);
    if (!name) errors.push({ column: '活动名称', message: t('cell.required') });
    const level = requireWord(c, '级别', parseLevel, LEVEL_HELP, errors);
    const category = requireWord(c, '类别', parseCategory, CATEGORIES.map((x) => x.label).join('、'), errors);
    const year = text(c['年份']);
    if (!year) errors.push({ column: '年份', message: t('cell.required') });
    else if (!/^\d{4}$/.test(year)) errors.push({ column: '年份', message: t('cell.wholeNumber') });
    const counted = opt(c['参加人数']);
    const participants = counted ? parseParticipants(c['参加人数']) : null;
    if (counted && !participants) errors.push({ column: '参加人数', message: t('cell.badParticipants', { value: counted }) });
    if (errors.length) return errors;
    return { name, brand: opt(c['品牌']), edition: opt(c['届次']), level, category, year: Number(year), hostedByUnion: true, participants: participants?.participants ?? null, participantsApprox: participants?.participantsApprox ?? null };
  },
  async prime(ctx, rows, l) {
    const named = rows.map((c) => ({ year: Number(text(c['年份'])), name: text(c['活动名称']) }));
    await l.competitions.prime(ctx, named.filter((n) => n.year >= 1000 && n.year <= 9999 && n.name !== ''));
  },
  async apply(ctx, input, dryRun, l) {
    const existing = await l.competitions.named(ctx, input.year as number, input.name as string);
    if (!existing) return createOnce(async () => (await ctx.services.competitions.create(input, { dryRun, warnings: false })).competition, 'Competition');
    // Known already (an award named it, or an earlier import): marked as the union's own, with its count.
    const recordId = toGlobalId('Competition', existing._id);
    if (existing.hostedByUnion && (existing.participants ?? null) === input.participants && (existing.participantsApprox ?? null) === input.participantsApprox) return { outcome: 'UNCHANGED', recordId };
    const change = { id: recordId, hostedByUnion: true, participants: input.participants, participantsApprox: input.participantsApprox };
    if (!dryRun) await ctx.services.competitions.update(change);
    else {
      // What the update would refuse: a hosting marked by a clerk, or on the federation's catalogue.
      ctx.guard.requireRole(['ADMIN', 'VERIFIER'], t('action.markHosted'));
      if (!existing.institution) throw userError(['input', 'hostedByUnion'], 'INVALID', t('competition.hostedNotShared'));
    }
    return { outcome: 'UPDATE', recordId };
  },
};

export const IMPORT_KINDS: Record<string, ImportKind> = { people, awards, honours, donations, events };

/** The import kind of that name (own keys only: `__proto__` is no kind). */
export const importKind = (name: string): ImportKind | undefined => (Object.hasOwn(IMPORT_KINDS, name) ? IMPORT_KINDS[name] : undefined);

