import { expect } from 'chai';
import type { CommandStartedEvent } from 'mongodb';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { step } from '../helpers/records.js';
import { toGlobalId } from '../../src/shared/ids.js';

interface Job {
  id: string;
  status: string;
  fileError?: string;
  counts: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: { row: number; outcome: string; recordId?: string; errors: { column: string; message: string }[] }[];
}

const AWARD_HEADERS = ['竞赛名称', '品牌', '主办单位', '届次', '系统', '级别', '类别', '获奖者工号', '获奖者姓名', '科室', '集体', '奖项/名次', '组别', '获奖日期', '证书编号', '备注'];

async function xlsx(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const awardRow = (cells: Record<string, unknown>) => AWARD_HEADERS.map((h) => cells[h] ?? null);

describe('spreadsheet import and export', function () {
  this.timeout(120_000);
  let t: TestServer;
  let admin: string;

  const upload = async (kind: string, file: Buffer, name: string, mode: 'dryRun' | 'commit', token = admin) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const res = await fetch(`${t.url}/imports/${kind}?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, job: (await res.json()) as Job };
  };

  before(async () => {
    t = await startTestServer({}, { monitorCommands: true });
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  it('serves a template per kind with Chinese headers and a sheet explaining each column', async () => {
    for (const kind of ['people', 'awards', 'honours', 'donations', 'events']) {
      const res = await fetch(`${t.url}/imports/templates/${kind}.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status, kind).to.equal(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)[1]).to.equal('填写说明');
      const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
      expect(headers.length).to.be.greaterThan(3);
      if (kind === 'awards') expect(headers).to.deep.equal(AWARD_HEADERS);
    }
    expect((await fetch(`${t.url}/imports/templates/awards.xlsx`)).status).to.equal(401);
  });

  it('dry-runs a clean file writing nothing, commits it, and re-imports it without creating anything', async () => {
    const file = await xlsx(AWARD_HEADERS, [
      awardRow({ 竞赛名称: '导入测试技能竞赛', 级别: '省级', 类别: '职业技能', 获奖者工号: 'Z0119', '奖项/名次': '二等奖', 获奖日期: '2020/9/1' }),
      awardRow({ 竞赛名称: '导入测试技能竞赛', 级别: '省', 类别: '技能', 获奖者姓名: '孙慧敏', 科室: '中药剂科', '奖项/名次': '第三名', 获奖日期: '2020年9月' }),
      awardRow({ 竞赛名称: '导入测试讲课比赛', 级别: '全国', 类别: '教学', 集体: '西药剂科', '奖项/名次': '多项奖项', 获奖日期: 44075 }),
    ]);
    const before = await t.models.Achievement.countDocuments();
    const competitions = await t.models.Competition.countDocuments();
    const dry = await upload('awards', file, '获奖.xlsx', 'dryRun');
    expect(dry.status).to.equal(200);
    expect(dry.job.counts).to.deep.equal({ rows: 3, create: 3, update: 0, unchanged: 0, error: 0 });
    expect(await t.models.Achievement.countDocuments()).to.equal(before);
    expect(await t.models.Competition.countDocuments()).to.equal(competitions);

    const commit = await upload('awards', file, '获奖.xlsx', 'commit');
    expect(commit.job.counts).to.deep.include({ create: 3, error: 0 });
    expect(await t.models.Achievement.countDocuments()).to.equal(before + 3);
    const third = await t.gql(`query($id: ID!) { node(id: $id) { ... on Award { date resultLabel collective { name } level status } } }`, { id: commit.job.rows[2].recordId }, admin);
    expect(third.data).to.deep.equal({ node: { date: '2020-09-01', resultLabel: '多项奖项', collective: { name: '西药剂科' }, level: 'NATIONAL', status: 'DRAFT' } });

    const again = await upload('awards', file, '获奖.xlsx', 'commit');
    expect(again.job.counts).to.deep.include({ create: 0, unchanged: 3, error: 0 });
    expect(await t.models.Achievement.countDocuments()).to.equal(before + 3);
    const jobs = await t.gql(`{ importJobs(first: 3) { totalCount edges { node { mode counts { create unchanged } } } } }`, {}, admin);
    expect((jobs.data as { importJobs: { edges: { node: { mode: string } }[] } }).importJobs.edges.map((e) => e.node.mode)).to.deep.equal(['COMMIT', 'COMMIT', 'DRY_RUN']);
  });

  it('reports every kind of row error with the row number, the column and a message in Chinese', async () => {
    await t.models.Person.create({ staffNumber: 'DUP1', name: '高圣艳', department: (await t.models.Department.findOne({ code: 'XYJK' }).lean())!._id });
    const file = await xlsx(AWARD_HEADERS, [
      awardRow({ 竞赛名称: '错误测试赛', 级别: '世界级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' }),
      awardRow({ 竞赛名称: '错误测试赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '2020-13-45' }),
      awardRow({ 竞赛名称: '错误测试赛', 级别: '市级', 类别: '技能', 获奖者工号: 'NOPE', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' }),
      awardRow({ 竞赛名称: '错误测试赛', 级别: '市级', 类别: '技能', 获奖者姓名: '高圣艳', '奖项/名次': '一等奖', 获奖日期: '2020-01-01' }),
      awardRow({ 竞赛名称: '', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '', 获奖日期: '2020-01-01' }),
      awardRow({ 竞赛名称: '错误测试赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '二等奖', 获奖日期: '2020-01-01', 证书编号: 'x'.repeat(70) }),
    ]);
    const { job } = await upload('awards', file, 'errors.xlsx', 'dryRun');
    expect(job.rows.map((r) => r.outcome)).to.deep.equal(Array(6).fill('ERROR'));
    const at = (row: number) => job.rows.find((r) => r.row === row)!.errors;
    expect(at(2)[0]).to.deep.include({ column: '级别' });
    expect(at(2)[0].message).to.match(/无法识别“世界级”/);
    expect(at(3)[0]).to.deep.include({ column: '获奖日期' });
    expect(at(4)[0]).to.deep.equal({ column: '获奖者工号', message: '找不到工号为“NOPE”的职工' });
    expect(at(5)[0].column).to.equal('获奖者姓名');
    expect(at(5)[0].message).to.match(/有2位职工名为“高圣艳”/);
    expect(at(6).map((e) => e.column).sort()).to.deep.equal(['奖项/名次', '竞赛名称']);
    expect(at(7)[0].column).to.equal('证书编号');
    expect(at(7)[0].message).to.match(/^内容过长/);
  });

  it('accepts a sheet with only the required columns', async () => {
    const file = await xlsx(['竞赛名称', '级别', '类别', '奖项/名次', '获奖日期'], [['最少列测试赛', '市级', '技能', '一等奖', '2020-06-06']]);
    const { job } = await upload('awards', file, 'min.xlsx', 'dryRun');
    // No recipient column at all: the row says so, instead of looking up "undefined".
    expect(job.rows[0].errors).to.deep.equal([{ column: '获奖者工号', message: '请填写获奖者（工号或姓名）或获奖集体' }]);
    const withPerson = await xlsx(['竞赛名称', '级别', '类别', '获奖者工号', '奖项/名次', '获奖日期'], [['最少列测试赛', '市级', '技能', 'Z0120', '一等奖', '2020-06-06']]);
    expect((await upload('awards', withPerson, 'min.xlsx', 'dryRun')).job.rows[0].outcome).to.equal('CREATE');
  });

  it('flags duplicates inside the file and treats rows already recorded as unchanged', async () => {
    const row = awardRow({ 竞赛名称: '重复测试赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0110', '奖项/名次': '二等奖', 获奖日期: '2020-02-02' });
    const { job } = await upload('awards', await xlsx(AWARD_HEADERS, [row, row]), 'dup.xlsx', 'commit');
    expect(job.rows[1]).to.deep.include({ row: 3, outcome: 'ERROR' });
    expect(job.rows[1].errors[0].message).to.equal('与第2行重复');
    const seeded = awardRow({ 竞赛名称: '超声技能大赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0105', '奖项/名次': '三等奖', 获奖日期: '2020-09-11' });
    expect((await upload('awards', await xlsx(AWARD_HEADERS, [seeded]), 'db.xlsx', 'dryRun')).job.rows[0].outcome).to.equal('UNCHANGED');
  });

  it('writes a chunk of rows together, and undoes it when two rows name one fact in two ways', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => awardRow({ 竞赛名称: `成批测试赛${i}`, 级别: '市级', 类别: '技能', 获奖者工号: 'Z0111', '奖项/名次': '一等奖', 获奖日期: '2020-04-04' }));
    // The same person by staff number, then by name: different rows of the file, one fact.
    rows.push(awardRow({ 竞赛名称: '成批测试赛0', 级别: '市级', 类别: '技能', 获奖者姓名: '任园伟', '奖项/名次': '一等奖', 获奖日期: '2020-04-04' }));
    const { job } = await upload('awards', await xlsx(AWARD_HEADERS, rows), 'batch.xlsx', 'commit');
    expect(job.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'CREATE', 'CREATE', 'CREATE', 'CREATE', 'UNCHANGED']);
    const awards = await t.models.Award.find({ title: /^成批测试赛/ }).lean();
    expect(awards).to.have.length(5);
    // Each record went in whole: its workflow fields, timestamps and institution, and one audit entry.
    for (const a of awards) {
      expect(a).to.include({ status: 'DRAFT', revision: 1, __v: 0 });
      expect(a.createdAt).to.be.instanceOf(Date);
      expect((a as { institution?: unknown }).institution).to.not.equal(undefined);
    }
    expect(job.rows.slice(0, 5).map((r) => r.recordId).sort()).to.deep.equal(awards.map((a) => toGlobalId('Award', a._id)).sort());
    const audits = await t.models.AuditEntry.find({ operation: 'awardCreate', entityId: { $in: awards.map((a) => a._id) } }).lean();
    expect(audits).to.have.length(5);
    expect(audits[0].changes.find((c) => c.field === 'title')?.after).to.match(/^成批测试赛/);
  });

  it('reads the competitions and stored duplicates of a file once, not row by row, with the same outcomes', async () => {
    const reads: string[] = [];
    const listen = (e: CommandStartedEvent) => ['find', 'aggregate', 'count'].includes(e.commandName) && reads.push(e.commandName);
    // Two competitions already known (one holding a fact some rows repeat), two the file adds.
    const known = await upload('awards', await xlsx(AWARD_HEADERS, [awardRow({ 竞赛名称: '读取测试赛甲', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0112', '奖项/名次': '一等奖', 获奖日期: '2020-05-05' }), awardRow({ 竞赛名称: '读取测试赛乙', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0112', '奖项/名次': '二等奖', 获奖日期: '2020-05-05' })]), 'known.xlsx', 'commit');
    expect(known.job.counts).to.deep.include({ create: 2 });
    const file = (rows: number, prefix: string, person: string) =>
      xlsx(
        AWARD_HEADERS,
        Array.from({ length: rows }, (_, i) => {
          const name = ['读取测试赛甲', '读取测试赛乙', `${prefix}丙`, `${prefix}丁`][i % 4];
          // The first row repeats the fact stored in 甲; the others are new.
          return awardRow({ 竞赛名称: name, 级别: '市级', 类别: '技能', 获奖者工号: i === 0 ? 'Z0112' : person, '奖项/名次': i === 0 ? '一等奖' : `第${i + 1}名`, 获奖日期: '2020-05-05' });
        }),
      );
    const readsOf = async (rows: number, prefix: string, mode: 'dryRun' | 'commit', person = 'Z0113') => {
      const sheet = await file(rows, prefix, person);
      reads.length = 0;
      const client = t.server.database.connection.getClient();
      client.on('commandStarted', listen);
      try {
        const { job } = await upload('awards', sheet, 'reads.xlsx', mode);
        expect(job.counts).to.deep.equal({ rows, create: rows - 1, update: 0, unchanged: 1, error: 0 });
        return reads.length;
      } finally {
        client.off('commandStarted', listen);
      }
    };
    expect(await readsOf(80, '读取乙', 'dryRun')).to.equal(await readsOf(20, '读取甲', 'dryRun'));
    expect(await readsOf(80, '读取丁', 'commit', 'Z0114')).to.equal(await readsOf(20, '读取丙', 'commit', 'Z0115'));
    // Committed whole: the new competitions hold their rows, and a second commit changes nothing.
    expect(await t.models.Award.countDocuments({ title: /^读取丁/ })).to.equal(40);
    expect((await upload('awards', await file(80, '读取丁', 'Z0114'), 'again.xlsx', 'commit')).job.counts).to.deep.include({ create: 0, unchanged: 80 });
  });

  it('reads a GBK-encoded CSV of people, creating and updating by staff number', async () => {
    const csv = '工号,姓名,性别,科室,工会小组,职务职称,入会日期\r\nG001,陈晓燕,女,西药剂科,药剂工会小组,药师,2016/5/1\r\nZ0119,周雅琴,女,西药剂科,,副主任药师,\r\n';
    const { job } = await upload('people', iconv.encode(csv, 'gbk'), '职工.csv', 'commit');
    expect(job.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'UPDATE']);
    const created = await t.models.Person.findOne({ staffNumber: 'G001' }).lean();
    expect(created).to.deep.include({ name: '陈晓燕', gender: 'FEMALE', position: '药师' });
    expect((await t.models.Person.findOne({ staffNumber: 'Z0119' }).lean())!.position).to.equal('副主任药师');
    const again = await upload('people', iconv.encode(csv, 'gbk'), '职工.csv', 'commit');
    expect(again.job.rows.map((r) => r.outcome)).to.deep.equal(['UNCHANGED', 'UNCHANGED']);
  });

  it('imports honours and donations, with approximate quantities and aggregate counts', async () => {
    const honours = await xlsx(
      ['称号', '类型', '授予单位', '级别', '获得者工号', '获得者姓名', '科室', '集体', '年份', '授予日期', '届次', '备注'],
      [
        ['绍兴市技术能手（导入）', '技术能手', '绍兴市人力社保局', '市级', 'Z0106', null, null, null, 2021, '2021-05-01', null, null],
        ['模范职工之家（导入）', '先进/模范职工之家', '绍兴市总工会', '市', null, null, null, '七病区', 2021, null, null, null],
        ['个人称号给集体', '技术能手', '某机关', '市级', null, null, null, '七病区', 2021, null, null, null],
      ],
    );
    const h = await upload('honours', honours, 'h.xlsx', 'commit');
    expect(h.job.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'CREATE', 'ERROR']);
    expect(h.job.rows[2].errors[0].column).to.equal('集体');
    // The sector, an inspection score and the title as written; no conferring body.
    const more = await xlsx(
      ['称号', '类型', '系统', '考核得分', '原文称号', '级别', '集体', '年份'],
      [
        ['先进职工之家（导入）', '先进/模范职工之家', '省直机关', '96', null, '省级', '七病区', 2021],
        ['优秀党员（导入）', '其他荣誉', null, null, '2021年度市直卫生健康系统优秀共产党员（导入）', '市级', '七病区', 2021],
        ['得分有误', '其他荣誉', null, '九十', null, '市级', '七病区', 2021],
      ],
    );
    const m = await upload('honours', more, 'm.xlsx', 'commit');
    expect(m.job.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'CREATE', 'ERROR']);
    expect(m.job.rows[2].errors[0].column).to.equal('考核得分');
    const home = await t.gql(`query($id: ID!) { node(id: $id) { ... on Honour { conferredBy sector score asWritten } } }`, { id: m.job.rows[0].recordId }, admin);
    expect(home.data).to.deep.equal({ node: { conferredBy: null, sector: '省直机关', score: 96, asWritten: null } });
    for (const row of m.job.rows.slice(0, 2)) {
      await step(t, 'honourSubmit', row.recordId!, admin);
      await step(t, 'honourVerify', row.recordId!, t.tokenFor('VERIFIER'));
    }
    const report = await t.gql<{ achievementReport: { narrative: { text: string }[] } }>('{ achievementReport(year: 2021) { narrative { text } } }', {}, admin);
    const drafted = report.data!.achievementReport.narrative.map((p) => p.text).join('');
    expect(drafted).to.include('以96分通过验收，被授予“省直机关先进职工之家（导入）”称号');
    expect(drafted).to.include('2021年度市直卫生健康系统优秀共产党员（导入）');
    const csv = '类型,捐赠者工号,捐赠者姓名,科室,集体,人数,数量,活动,日期,备注\r\n献血,,,,全院,15,4500,,2021-06-14,\r\n捐书,,,,七病区,,80余,书吧,2021-04-23,\r\n捐款,Z0110,,,,,200,帮扶,2021年3月,\r\n捐款,,,,,,abc,,2021-01-01,\r\n';
    const d = await upload('donations', Buffer.from(csv), 'd.csv', 'commit');
    expect(d.job.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'CREATE', 'CREATE', 'ERROR']);
    expect(d.job.rows[3].errors[0]).to.deep.include({ column: '数量' });
    const books = await t.gql(`query($id: ID!) { node(id: $id) { ... on Donation { quantityText mode donorCollective { name } } } }`, { id: d.job.rows[1].recordId }, admin);
    expect(books.data).to.deep.equal({ node: { quantityText: '80余本', mode: 'ITEMISED', donorCollective: { name: '七病区' } } });
    const blood = await t.gql(`query($id: ID!) { node(id: $id) { ... on Donation { quantityText donorCount } } }`, { id: d.job.rows[0].recordId }, admin);
    expect(blood.data).to.deep.equal({ node: { quantityText: '4500毫升', donorCount: 15 } });
  });

  it('refuses wrong headers, empty files, garbage and oversized uploads clearly', async () => {
    const wrong = await upload('awards', Buffer.from('名称,级别\n某赛,市级\n'), 'wrong.csv', 'dryRun');
    expect(wrong.status).to.equal(422);
    expect(wrong.job.status).to.equal('FAILED');
    expect(wrong.job.fileError).to.match(/缺少必填列：竞赛名称/);
    expect(wrong.job.fileError).to.match(/无法识别的列：名称/);
    const empty = await upload('awards', Buffer.alloc(0), 'empty.csv', 'dryRun');
    expect(empty.job.fileError).to.match(/文件为空/);
    const headerOnly = await upload('awards', await xlsx(AWARD_HEADERS, []), 'h.xlsx', 'dryRun');
    expect(headerOnly.job.fileError).to.equal('文件没有数据行');
    const garbage = await upload('awards', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0, 9, 9]), 'x.xlsx', 'dryRun');
    expect(garbage.job.fileError).to.match(/不是有效的 \.xlsx/);
    const binary = await upload('people', Buffer.from([0, 1, 2, 255, 0, 7]), 'x.csv', 'dryRun');
    expect(binary.job.fileError).to.match(/无法读取文件/);
    const big = await upload('people', Buffer.alloc(6 * 1024 * 1024, 0x41), 'big.csv', 'dryRun');
    expect(big.status).to.equal(413);
    expect((await upload('nothing', Buffer.from('a'), 'a.csv', 'dryRun')).status).to.equal(404);
  });

  it('applies a clerk’s scope row by row: rows outside it are refused, the rest go in', async () => {
    const clerk = t.tokenFor('CLERK', { departments: ['XYJK'] });
    const file = await xlsx(AWARD_HEADERS, [
      awardRow({ 竞赛名称: '范围测试赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0122', '奖项/名次': '一等奖', 获奖日期: '2020-03-03' }),
      awardRow({ 竞赛名称: '范围测试赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '2020-03-03' }),
      // Its competition is new: the refused row leaves no competition behind.
      awardRow({ 竞赛名称: '范围外新赛', 级别: '市级', 类别: '技能', 获奖者工号: 'Z0101', '奖项/名次': '一等奖', 获奖日期: '2020-03-03' }),
    ]);
    const { job } = await upload('awards', file, 'scope.xlsx', 'commit', clerk);
    expect(job.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'ERROR', 'ERROR']);
    expect(job.rows[1].errors[0].message).to.match(/^超出您的权限范围/);
    expect(job.rows[2].errors[0].message).to.match(/^超出您的权限范围/);
    expect(await t.models.Competition.countDocuments({ name: { $in: ['范围测试赛', '范围外新赛'] } })).to.equal(1);
    expect((await upload('awards', file, 'scope.xlsx', 'commit', t.tokenFor('VIEWER'))).status).to.equal(403);
  });

  it('handles a file of 5,000 rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`BULK${i}`, `批量${i}`, i % 2 ? '男' : '女', '七病区', '', '', '']);
    const { job } = await upload('people', await xlsx(['工号', '姓名', '性别', '科室', '工会小组', '职务职称', '入会日期'], rows), 'bulk.xlsx', 'dryRun');
    expect(job.counts).to.deep.equal({ rows: 5000, create: 5000, update: 0, unchanged: 0, error: 0 });
    expect(await t.models.Person.countDocuments({ staffNumber: /^BULK/ })).to.equal(0);
  });

  it('exports achievements as xlsx and csv, neutralising formulas, and round-trips through a dry run unchanged', async () => {
    const viewer = t.tokenFor('VIEWER');
    await t.models.Achievement.updateOne({ title: '超声技能大赛' }, { $set: { note: '=HYPERLINK("http://evil","x")' } });
    const raw = Buffer.from(await (await fetch(`${t.url}/exports/achievements.csv?year=2020&status=VERIFIED`, { headers: { authorization: `Bearer ${viewer}` } })).arrayBuffer());
    expect([...raw.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]); // BOM: Excel and WPS read UTF-8
    const csv = raw.toString('utf8');
    expect(csv.slice(1).startsWith('竞赛名称,')).to.equal(true);
    expect(csv).to.include(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).to.not.match(/,=HYPERLINK/);
    const xlsxRes = await fetch(`${t.url}/exports/achievements.xlsx?year=2020&status=VERIFIED`, { headers: { authorization: `Bearer ${viewer}` } });
    const exported = Buffer.from(await xlsxRes.arrayBuffer());
    const { job } = await upload('awards', exported, 'export.xlsx', 'dryRun');
    expect(job.counts.rows).to.equal(16);
    expect(job.rows.filter((r) => r.outcome !== 'UNCHANGED')).to.deep.equal([]);
    expect((await fetch(`${t.url}/exports/achievements.csv`)).status).to.equal(401);
  });

  it('exports every kind of record, a sheet each; honours, donations and events round-trip through their imports unchanged', async () => {
    const viewer = t.tokenFor('VIEWER');
    const res = await fetch(`${t.url}/exports/records.xlsx?year=2020&status=VERIFIED`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(res.status).to.equal(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['获奖记录', '荣誉称号', '劳模工匠', '捐赠记录', '文明岗创建', '工会活动']);
    const dataRows = (name: string) => wb.getWorksheet(name)!.rowCount - 1;
    expect(dataRows('获奖记录')).to.equal(await t.models.Achievement.countDocuments({ kind: 'AWARD', year: 2020, status: 'VERIFIED' }));
    expect(dataRows('荣誉称号')).to.equal(await t.models.Achievement.countDocuments({ kind: 'HONOUR', year: 2020, status: 'VERIFIED' }));
    expect(dataRows('捐赠记录')).to.equal(await t.models.Donation.countDocuments({ year: 2020, status: 'VERIFIED' }));
    expect(dataRows('文明岗创建')).to.equal(await t.models.CivilisedPostCampaign.countDocuments({ year: 2020 }));
    expect(dataRows('工会活动')).to.equal(await t.models.Competition.countDocuments({ year: 2020, hostedByUnion: true }));
    expect(dataRows('捐赠记录')).to.be.greaterThan(0);
    expect(dataRows('工会活动')).to.be.greaterThan(0);
    // A sheet on its own is an import file of its kind: nothing in it is new.
    for (const [sheet, kind] of [['荣誉称号', 'honours'], ['捐赠记录', 'donations'], ['工会活动', 'events']] as const) {
      const values = wb.getWorksheet(sheet)!.getSheetValues().slice(1) as unknown[][];
      const file = await xlsx((values[0] as unknown[]).slice(1) as string[], values.slice(1).map((r) => (r as unknown[]).slice(1)));
      const { job } = await upload(kind, file, `${kind}.xlsx`, 'dryRun');
      expect(job.counts.rows, kind).to.equal(dataRows(sheet));
      expect(job.rows.filter((r) => r.outcome !== 'UNCHANGED'), kind).to.deep.equal([]);
    }
  });
  it("imports the union's own events with their participation, marking a known competition as hosted, and drafts them", async () => {
    const HEADERS = ['活动名称', '品牌', '届次', '级别', '类别', '年份', '参加人数'];
    const create = await t.gql(`mutation { competitionCreate(input: { name: "职工气排球赛", level: INSTITUTION, category: SPORTS, year: 2021 }) { competition { id } userErrors { message } } }`, {}, admin);
    expect(create.errors).to.equal(undefined);
    const file = await xlsx(HEADERS, [
      ['职工登山比赛', null, '第二届', '院级', '体育', 2021, '200余人'],
      ['职工气排球赛', null, null, '院级', '体育', 2021, '近百人'],
      ['读书分享会', null, null, '院级', '文化', 2021, null],
      ['坏人数', null, null, '院级', '体育', 2021, '很多人'],
      ['坏年份', null, null, '院级', '体育', '二〇二一', 36],
    ]);
    const dry = (await upload('events', file, 'events.xlsx', 'dryRun')).job;
    expect(dry.rows.map((r) => r.outcome)).to.deep.equal(['CREATE', 'UPDATE', 'CREATE', 'ERROR', 'ERROR']);
    expect(dry.rows[3].errors[0]).to.deep.include({ column: '参加人数' });
    expect(dry.rows[3].errors[0].message).to.include('很多人');
    expect(dry.rows[4].errors[0]).to.deep.include({ column: '年份' });
    expect(await t.models.Competition.countDocuments({ year: 2021, hostedByUnion: true })).to.equal(0);
    // A clerk may not state the union's own events: the report states them as fact.
    const clerk = (await upload('events', file, 'events.xlsx', 'commit', t.tokenFor('CLERK'))).job;
    expect(clerk.rows.slice(0, 3).map((r) => r.outcome)).to.deep.equal(['ERROR', 'ERROR', 'ERROR']);
    expect(await t.models.Competition.countDocuments({ year: 2021, hostedByUnion: true })).to.equal(0);

    const commit = (await upload('events', file, 'events.xlsx', 'commit')).job;
    expect(commit.counts).to.deep.include({ create: 2, update: 1, error: 2 });
    const hiking = await t.models.Competition.findOne({ year: 2021, name: '职工登山比赛' }).lean();
    expect(hiking).to.deep.include({ hostedByUnion: true, participants: 200, participantsApprox: 'OVER', edition: '第二届', level: 'INSTITUTION' });
    expect(await t.models.Competition.findOne({ year: 2021, name: '职工气排球赛' }).lean()).to.deep.include({ hostedByUnion: true, participants: 100, participantsApprox: 'NEARLY' });
    expect((await upload('events', file, 'events.xlsx', 'commit')).job.counts).to.deep.include({ create: 0, update: 0, unchanged: 3, error: 2 });
    expect(await t.models.AuditEntry.countDocuments({ operation: { $in: ['competitionCreate', 'competitionUpdate'] }, entityId: hiking!._id })).to.equal(1);

    const res = await t.gql(`{ achievementReport(year: 2021) { narrative { text } } }`, {}, t.tokenFor('VIEWER'));
    const text = (res.data as { achievementReport: { narrative: { text: string }[] } }).achievementReport.narrative.map((p) => p.text).join('');
    expect(text).to.include('组织全院职工第二届职工登山比赛，参赛职工200余人。');
    expect(text).to.include('参赛职工近百人');
  });
});
