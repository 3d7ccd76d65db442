// A CLERK's dry run answers exactly as the commit will, scope refusals included, and a
// refused row writes nothing: not even the new competition it names.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../helpers/server.js';

const HEADERS = ['竞赛名称', '级别', '类别', '获奖者工号', '奖项/名次', '获奖日期'];

async function sheet(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import scope: dry run ≡ commit', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  const run = async (file: Buffer, mode: string, token: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'awards.xlsx');
    const res = await fetch(`${t.url}/imports/awards?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return (await res.json()) as { rows: { row: number; outcome: string; errors: { message: string }[] }[] };
  };

  it('refuses an out-of-scope row naming a new competition alike in the dry run and the commit, creating nothing', async () => {
    const clerk = t.tokenFor('CLERK', { departments: ['ZYJK'] });
    const file = await sheet([
      ['范围外的新竞赛', '市级', '职业技能', 'Z0102', '一等奖', '2020-06-01'], // Z0102 is in 中医内科: outside the scope
      ['范围内的新竞赛', '市级', '职业技能', 'Z0120', '二等奖', '2020-06-02'],
    ]);
    const competitions = await t.models.Competition.countDocuments();
    const dry = await run(file, 'dryRun', clerk);
    expect(await t.models.Competition.countDocuments()).to.equal(competitions);
    const commit = await run(file, 'commit', clerk);
    const outcomes = (job: typeof dry) => job.rows.map((r) => [r.row, r.outcome, r.errors.map((e) => e.message.replace(/：.*/, ''))]);
    expect(outcomes(dry)).to.deep.equal(outcomes(commit));
    expect(dry.rows.map((r) => r.outcome)).to.deep.equal(['ERROR', 'CREATE']);
    expect(dry.rows[0].errors[0].message).to.match(/^超出您的权限范围/);
    expect(await t.models.Competition.countDocuments({ name: '范围外的新竞赛' })).to.equal(0);
    expect(await t.models.Competition.countDocuments({ name: '范围内的新竞赛' })).to.equal(1);
  });
});
