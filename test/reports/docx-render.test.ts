// The .docx as a reader opens it: LibreOffice (headless, from Debian's packages) converts it
// to PDF and pdftotext reads it back. Every table comes through, and its short columns
// (序号, 级别, 日期) are wide enough not to wrap.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server.js';

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('report .docx rendered by LibreOffice', function () {
  this.timeout(120_000);
  let t: TestServer;
  let dir: string;
  before(async function () {
    if (!has('soffice') || !has('pdftotext')) {
      console.warn('    (skipped: soffice or pdftotext missing; .ci/run installs libreoffice-writer-nogui and poppler-utils)');
      return this.skip();
    }
    t = await startTestServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
  });
  after(async () => {
    await t?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converts to a PDF whose text holds the title, narrative, every table, and unbroken short columns', async () => {
    const res = await fetch(`${t.url}/reports/2020/achievements.docx`, { headers: { authorization: `Bearer ${t.tokenFor('VIEWER')}` } });
    expect(res.status).to.equal(200);
    const docx = path.join(dir, 'report.docx');
    fs.writeFileSync(docx, Buffer.from(await res.arrayBuffer()));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 90_000 });
    const layout = execFileSync('pdftotext', ['-layout', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    // Spaces, and the punctuation LibreOffice may hang into the margin at a line's end, aside.
    const bare = (s: string) => s.replace(/[\s。，、；]/g, '');
    const flat = bare(layout);

    const json = await t.gql<{ achievementReport: { title: string; narrative: { text: string }[]; ranked: unknown[] } }>('{ achievementReport(year: 2020) { title narrative { text } ranked { rank } } }', {}, t.tokenFor('VIEWER'));
    const report = json.data!.achievementReport;
    expect(flat).to.include(bare(report.title));
    for (const p of report.narrative) expect(flat, p.text.slice(0, 30)).to.include(bare(p.text));
    for (const text of ['获奖与荣誉清单', '序号', '获奖者', '统计', '本年', '上年', '合计', '捐赠', '27800毫升']) expect(flat, text).to.include(text);
    // Short columns do not wrap: every date and level of the list reads whole on its line.
    expect(layout.match(/\b2020-\d{2}-\d{2}\b/g)).to.have.length(report.ranked.length);
    expect(layout).to.match(/序号\s+级别\s+名称/);
    expect(layout.match(/(国家级|省级|市级)\s+\S/g)!.length).to.be.at.least(report.ranked.length);
  });
});
