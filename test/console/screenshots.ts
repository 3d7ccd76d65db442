// Regenerates docs/screenshots/*.png: every console page over the demo data, at 1280×800 and
// one on a 390-px-wide phone. Run with `npm run screenshots` (needs Chromium).
import fs from 'node:fs';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/server.js';
import { goTo, launchBrowser, openPage, signInAs } from '../helpers/browser.js';

const OUT = 'docs/screenshots';
const PAGES = [
  ['overview', '概览'],
  ['records', '记录'],
  ['entry', '录入'],
  ['review', '审核'],
  ['imports', '导入'],
  ['competitions', '竞赛'],
  ['report', '报告'],
  ['admin', '管理'],
] as const;

const t = await startTestServer({});
const browser = await launchBrowser();
try {
  fs.mkdirSync(OUT, { recursive: true });
  const { page, problems } = await openPage(browser, t.url);
  await page.screenshot({ path: `${OUT}/login.png` });
  await signInAs(page, 'admin', ADMIN_PASSWORD, 'DEMO');
  for (const [file, label] of PAGES) {
    await goTo(page, label);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800); // charts animate in
    await page.screenshot({ path: `${OUT}/${file}.png` });
  }
  const phone = await openPage(browser, t.url, { width: 390, height: 844 });
  await signInAs(phone.page, 'admin', ADMIN_PASSWORD, 'DEMO');
  await phone.page.waitForLoadState('networkidle');
  await phone.page.waitForTimeout(800);
  await phone.page.screenshot({ path: `${OUT}/overview-phone.png`, fullPage: true });
  if (problems.length || phone.problems.length) throw new Error([...problems, ...phone.problems].join('\n'));
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await t.stop();
}
process.exit(0);
