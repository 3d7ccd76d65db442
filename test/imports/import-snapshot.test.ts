// An awards import's whole outcome, kept as a snapshot: the job's rows (dry run and commit)
// and every record, competition and audit entry the commit wrote, with ids named by what
// they identify and the import's own timestamps blanked. Any change to how an import writes
// (batching, casting, transactions) must leave this exactly as it is.
// UPDATE_SNAPSHOT=1 rewrites the file (after a deliberate change of outcome).
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fromGlobalId } from '../../src/shared/ids.js';

const SNAPSHOT = path.join('test', '__snapshots__', 'import-awards.json');
const HEADERS = ['竞赛名称', '品牌', '主办单位', '届次', '系统', '级别', '类别', '获奖者工号', '获奖者姓名', '科室', '集体', '奖项/名次', '组别', '获奖日期', '证书编号', '备注'];
const STAFF = ['Z0101', 'Z0102', 'Z0103', 'Z0104', 'Z0105', 'Z0106', 'Z0107', 'Z0108', 'Z0109', 'Z0110'];
const RESULTS = ['一等奖', '二等奖', '三等奖', '优胜奖', '第四名', '金奖', '冠军', '优秀组织奖', '多项奖项'];

/** A sheet of 150 rows: new and repeated competitions, people by number and by name, teams, and refusals. */
function rows(): unknown[][] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 130; i++) {
    const competition = i % 13;
    out.push({
      竞赛名称: `快照导入竞赛${competition}`,
      品牌: competition === 2 ? '之江杯' : null,
      主办单位: competition === 3 ? '浙江省医学会' : null,
      届次: competition === 4 ? '第五届' : null,
      系统: competition === 5 ? '市直卫生健康系统' : null,
      级别: ['省级', '市级', '全国', '院级', '区县级'][competition % 5],
      类别: ['技能', '教学', '文化', '体育'][competition % 4],
      ...(i % 7 === 3 ? { 获奖者姓名: '孙慧敏', 科室: '中药剂科' } : i % 11 === 5 ? { 集体: i % 2 ? '中药剂科代表队' : '全院' } : { 获奖者工号: i % 9 === 0 ? `${STAFF[i % 10]}、${STAFF[(i + 3) % 10]}` : STAFF[i % 10] }),
      '奖项/名次': RESULTS[i % RESULTS.length],
      组别: i % 17 === 0 ? '专业组' : null,
      获奖日期: `${2019 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      证书编号: i % 4 === 0 ? `KZ${i}` : null,
      备注: i % 10 === 0 ? `第${i}行` : null,
    });
  }
  // Refusals, a twin of an earlier row, and a result the demo year already holds.
  out.push({ 竞赛名称: '快照导入竞赛0', 级别: '省级', 类别: '技能', 获奖者工号: 'X9999', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' });
  out.push({ 竞赛名称: '快照导入竞赛1', 级别: '不知道', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' });
  out.push({ 竞赛名称: '快照导入竞赛1', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '二〇二〇年' });
  out.push({ 竞赛名称: '', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' });
  out.push({ 竞赛名称: '快照导入竞赛1', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '', 获奖日期: '2020-01-01' });
  out.push({ 竞赛名称: '快照导入竞赛1', 级别: '市级', 类别: '技能', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' });
  out.push({ 竞赛名称: '快照导入竞赛1', 级别: '市级', 类别: '技能', 集体: '不存在科', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' });
  out.push({ ...out[7] });
  out.push({ ...out[20], 获奖日期: '2018-05-05' });
  out.push({ 竞赛名称: '中药材真伪鉴别全国大赛', 品牌: '桐君堂杯', 级别: '全国', 类别: '技能', 集体: '中药剂科', '奖项/名次': '多项奖项', 获奖日期: '2020-10-01' });
  for (let i = 0; i < 10; i++) out.push({ 竞赛名称: `快照导入竞赛${13 + (i % 3)}`, 级别: '市级', 类别: '教学', 获奖者工号: STAFF[(i * 3) % 10], '奖项/名次': RESULTS[(i * 2) % 4], 获奖日期: `2020-0${(i % 9) + 1}-0${(i % 9) + 1}` });
  return out.map((cells) => HEADERS.map((h) => cells[h] ?? null));
}

async function sheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('获奖记录');
  ws.addRow(HEADERS);
  for (const r of rows()) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain JSON with ids named by `names` (others numbered in order of appearance) and recent dates blanked. */
function normalised(value: unknown, names: Map<string, string>, since: Date): unknown {
  const walk = (v: unknown): unknown => {
    if (v instanceof Types.ObjectId) {
      const key = v.toHexString();
      if (!names.has(key)) names.set(key, `<id ${names.size}>`);
      return names.get(key);
    }
    if (v instanceof Date) return v >= since ? '<during the import>' : v.toISOString();
    // Ids inside strings (dedupe keys) are named too, but not numbered.
    if (typeof v === 'string') return v.replace(/[0-9a-f]{24}/g, (hex) => names.get(hex) ?? hex);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

describe('an awards import, against its snapshot', function () {
  this.timeout(120_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  it('dry run and commit give the same rows, records, competitions and audit entries as the snapshot', async () => {
    const file = await sheet();
    const admin = t.tokenFor('ADMIN');
    const upload = async (mode: 'dryRun' | 'commit') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), '快照.xlsx');
      const res = await fetch(`${t.url}/imports/awards?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'accept-language': 'zh' }, body: form });
      expect(res.status).to.equal(200);
      return (await res.json()) as { counts: unknown; rows: { row: number; outcome: string; recordId?: string; errors: unknown[] }[] };
    };
    const since = new Date();
    const dry = await upload('dryRun');
    const commit = await upload('commit');

    // Ids named by what they stand for: people, departments, the institution, and the records by row.
    const names = new Map<string, string>();
    for (const p of (await t.models.Person.find().lean()) as { _id: Types.ObjectId; staffNumber: string }[]) names.set(p._id.toHexString(), `person ${p.staffNumber}`);
    for (const d of (await t.models.Department.find().lean()) as { _id: Types.ObjectId; code: string }[]) names.set(d._id.toHexString(), `department ${d.code}`);
    for (const g of (await t.models.UnionGroup.find().lean()) as { _id: Types.ObjectId; code: string }[]) names.set(g._id.toHexString(), `union group ${g.code}`);
    names.set(t.institutions.default._id.toHexString(), 'institution');
    const competitions = (await t.models.Competition.find({ createdAt: { $gte: since } }).lean()) as { _id: Types.ObjectId; name: string; year: number }[];
    for (const c of competitions) names.set(c._id.toHexString(), `competition ${c.name} ${c.year}`);
    const recordIds = commit.rows.filter((r) => r.outcome === 'CREATE').map((r) => {
      const id = fromGlobalId(r.recordId!)!.id;
      names.set(id.toHexString(), `award of row ${r.row}`);
      return id;
    });
    const records = await Promise.all(recordIds.map((id) => t.models.Achievement.findById(id).lean()));
    const audit = (await t.models.AuditEntry.find({ at: { $gte: since } }).lean()) as Record<string, unknown>[];
    // One request wrote them all.
    expect(new Set(audit.map((a) => a.requestId)).size).to.equal(1);
    const rowsOf = (job: typeof dry) => job.rows.map(({ recordId, ...r }) => ({ ...r, ...(recordId ? { record: names.get(fromGlobalId(recordId)!.id.toHexString()) ?? 'existing' } : {}) }));
    const byContent = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).sort().map((s) => JSON.parse(s) as unknown);
    // Named (and numbered) in a fixed order: records by row, then competitions and audit entries by their content.
    const normalisedRecords = normalised(records, names, since);
    const actual = {
      dryRun: { counts: dry.counts, rows: rowsOf(dry) },
      commit: { counts: commit.counts, rows: rowsOf(commit) },
      records: normalisedRecords,
      competitions: byContent(normalised(competitions, names, since) as unknown[]),
      audit: byContent(normalised(audit.map(({ _id, requestId, ...entry }) => ({ ...entry, requestId: requestId ? 'the commit' : undefined })), names, since) as unknown[]),
    };
    if (process.env.UPDATE_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 1) + '\n');
    const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as typeof actual;
    expect(actual.commit.counts).to.deep.equal(expected.commit.counts);
    expect(actual.dryRun).to.deep.equal(expected.dryRun);
    expect(actual.commit).to.deep.equal(expected.commit);
    expect(actual.records).to.deep.equal(expected.records);
    expect(actual.competitions).to.deep.equal(expected.competitions);
    expect(actual.audit).to.deep.equal(expected.audit);
  });
});
