// The console in a real Chromium, as its users work: a clerk enters an award (a field error
// first, then corrected) and submits it; a verifier verifies it; it shows in 概览's numbers
// and in 报告's narrative with its link; the .docx downloads; an import dry run shows its bad
// row; a verifier corrects a competition in 竞赛 and deletes an unused one. Any console error
// or uncaught exception in the page fails the test.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_CSP, CONSOLE_DIR } from '../../src/console.js';
import { chooseOption, hasChromium, goTo, launchBrowser, openPage, signInAs, signOut, type WatchedPage } from '../helpers/browser.js';
import { createCompetition } from '../helpers/records.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const PASSWORD = 'console-test-password-1';

describe('web console (Chromium)', function () {
  this.timeout(180_000);
  let t: TestServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  const competitionName = '浏览器测试护理技能大赛';
  const unusedName = '浏览器测试误录的竞赛';

  before(async function () {
    if (!hasChromium()) {
      console.warn('    (skipped: no Chromium at /usr/bin/chromium; .ci/run installs it from Debian)');
      return this.skip();
    }
    execFileSync('npx', ['tsx', 'src/cli/build-console.ts', '--if-stale'], { stdio: 'inherit' });
    t = await startTestServer();
    const admin = t.tokenFor('ADMIN');
    for (const [username, role, extra] of [
      ['clerk.li', 'CLERK', { wholeInstitution: true }],
      ['verifier.wang', 'VERIFIER', {}],
    ] as const) {
      const res = await t.gql<{ userCreate: { userErrors: unknown[] } }>(
        'mutation($i: UserCreateInput!) { userCreate(input: $i) { userErrors { field message } } }',
        { i: { username, password: PASSWORD, displayName: username, role, ...extra } },
        admin,
      );
      expect(res.data!.userCreate.userErrors).to.deep.equal([]);
    }
    await createCompetition(t, { name: competitionName, level: 'PROVINCIAL', category: 'SKILLS', year: 2020 });
    await createCompetition(t, { name: unusedName, level: 'MUNICIPAL', category: 'SKILLS', year: 2020 });
    browser = await launchBrowser();
    watched = await openPage(browser, t.url);
    page = watched.page;
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });
  afterEach(() => expect(watched?.problems ?? [], 'console errors in the page').to.deep.equal([]));

  it('serves the built console with a CSP that allows nothing from elsewhere, and immutable assets', async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.headers.get('content-security-policy')).to.equal(CONSOLE_CSP);
    expect(CONSOLE_CSP).to.not.match(/https?:|\*/);
    expect(res.headers.get('cache-control')).to.equal('no-cache');
    const html = await res.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect(fs.existsSync(`${CONSOLE_DIR}${asset}`)).to.equal(true);
    const js = await fetch(`${t.url}${asset}`);
    expect(js.status).to.equal(200);
    expect(js.headers.get('cache-control')).to.match(/immutable/).and.match(/max-age=31536000/);
  });

  it('lets a clerk enter an award, shows a field error on its field, then saves and submits it', async () => {
    await signInAs(page, 'clerk.li', PASSWORD);
    expect(await page.getByTestId('who').textContent()).to.match(/录入员/).and.match(/范围：全院/);
    await goTo(page, '录入');
    const form = page.locator('form').first();
    await form.getByLabel('竞赛').click();
    await page.keyboard.type('浏览器测试');
    await chooseOption(page, new RegExp(competitionName));
    await form.getByLabel('职工').click();
    await page.keyboard.type('高圣艳');
    await chooseOption(page, /高圣艳/);
    await page.keyboard.press('Escape');
    await form.getByRole('combobox', { name: '等级' }).click();
    await chooseOption(page, '一等奖');
    // A date outside the competition's year: the server's userError lands on the date field.
    await form.getByLabel('获奖日期').fill('2019-06-01');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('日期 2019-06-01 不在 2020 年内').waitFor();
    await form.getByLabel('获奖日期').fill('2020-06-01');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存为草稿').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交审核').waitFor();
    expect(await t.models.Award.countDocuments({ title: new RegExp(competitionName), status: 'SUBMITTED' })).to.equal(1);
  });

  it('lets a verifier verify it; it shows in 概览 and in 报告 with its link, and the .docx downloads', async () => {
    const before = await t.models.Achievement.countDocuments({ year: 2020, status: 'VERIFIED' });
    await signOut(page);
    await signInAs(page, 'verifier.wang', PASSWORD);
    await goTo(page, '审核');
    await page.getByRole('button', { name: new RegExp(`通过：.*${competitionName}`) }).click();
    await page.getByText('已审核通过 1 条').waitFor();
    const award = await t.models.Award.findOne({ title: new RegExp(competitionName) }).lean();
    expect(award!.status).to.equal('VERIFIED');

    await goTo(page, '概览');
    await page.getByTestId('stat-records').getByText(String(before + 1)).waitFor();

    await goTo(page, '报告');
    const sentence = page.getByTestId('narrative').getByRole('link', { name: new RegExp(competitionName) });
    await sentence.waitFor();
    const awardId = Buffer.from(`Award:${award!._id}`).toString('base64url');
    expect(await sentence.getAttribute('data-records')).to.include(awardId);
    await sentence.click();
    await page.getByRole('dialog').getByText('已审核').first().waitFor();
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Word/ }).click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).to.equal('PK');
    expect(download.suggestedFilename()).to.equal('2020年成果.docx');
  });

  it('runs an import dry run and shows the bad row with its column and message', async () => {
    await signOut(page);
    await signInAs(page, 'clerk.li', PASSWORD);
    await goTo(page, '导入');
    const csv = ['竞赛名称,级别,类别,获奖者工号,奖项/名次,获奖日期', `${competitionName},省级,职业技能,NOPE999,二等奖,2020-07-01`].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'awards.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /预\s*检/ }).click();
    await page.getByTestId('import-counts').getByText(/有误 1/).waitFor();
    const row = page.getByRole('row', { name: /获奖者工号/ });
    const text = await row.textContent();
    expect(text).to.include('找不到工号为“NOPE999”的职工');
    expect(text).to.match(/^2/);
  });

  it('lets a verifier correct a competition in 竞赛 and delete one no award refers to', async () => {
    await signOut(page);
    await signInAs(page, 'verifier.wang', PASSWORD);
    await goTo(page, '竞赛');
    await page.getByLabel('搜索竞赛名称').fill('浏览器测试');
    await page.keyboard.press('Enter');
    // The competition with an award cannot be deleted; the unused one can.
    expect(await page.getByRole('button', { name: `删除：${competitionName}` }).isDisabled()).to.equal(true);
    await page.getByRole('button', { name: `修改：${competitionName}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('届次（如 第五届）').fill('第五届');
    await dialog.getByLabel('主办单位').fill('省卫生健康委');
    await dialog.getByRole('button', { name: /保存竞赛/ }).click();
    await page.getByText('已保存竞赛').waitFor();
    await page.getByRole('row', { name: /省卫生健康委/ }).getByText('第五届').waitFor();
    const corrected = await t.models.Competition.findOne({ name: competitionName }).lean();
    expect([corrected!.edition, corrected!.organiser]).to.deep.equal(['第五届', '省卫生健康委']);
    await page.getByRole('button', { name: `删除：${unusedName}` }).click();
    await page.getByRole('button', { name: /^删\s*除$/ }).last().click();
    await page.getByText(`已删除：${unusedName}`).waitFor();
    expect(await t.models.Competition.countDocuments({ name: unusedName })).to.equal(0);
  });
});
