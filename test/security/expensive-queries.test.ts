// Fields that aggregate a year cost what they cost: aliased reports are refused before any
// work, and one user's concurrent report builds are bounded (HTTP exports included).
import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';

describe('expensive queries', () => {
  let t: TestServer;
  let viewer: string;
  before(async () => {
    t = await startTestServer({ REPORTS_PER_USER_AT_ONCE: '1' });
    viewer = t.tokenFor('VIEWER');
  });
  after(() => t.stop());

  it('refuses 30 aliased achievementReport fields before building any', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `r${i}: achievementReport(year: 2020) { markdown }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, viewer);
    expect(res.status).to.equal(400);
    expect(errorCode(res)).to.equal('QUERY_TOO_COMPLEX');
    expect(res.errors![0].message).to.match(/at most 1 report/);
    const two = await t.gql(`{ a: achievementReport(year: 2020) { year } b: achievementReport(year: 2019) { year } }`, {}, viewer);
    expect(errorCode(two)).to.equal('QUERY_TOO_COMPLEX');
    const one = await t.gql(`{ achievementReport(year: 2020) { year } }`, {}, viewer);
    expect(one.data).to.deep.equal({ achievementReport: { year: 2020 } });
  });

  it('prices a report into the query cost', async () => {
    const cheap = await startTestServer({ MAX_QUERY_COST: '4000' });
    try {
      const res = await cheap.gql(`{ achievementReport(year: 2020) { year } }`, {}, cheap.tokenFor('VIEWER'));
      expect(errorCode(res)).to.equal('QUERY_TOO_COMPLEX');
      expect(res.errors![0].extensions!.cost).to.be.greaterThan(5000);
    } finally {
      await cheap.stop();
    }
  });

  it('bounds one user’s concurrent report builds, .docx exports included, and not other users', async () => {
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const results = await Promise.all([
      fetch(`${t.url}/reports/2020/achievements.docx`, auth(viewer)),
      fetch(`${t.url}/reports/2020/achievements.docx`, auth(viewer)),
      fetch(`${t.url}/reports/2020/achievements.md`, auth(viewer)),
      fetch(`${t.url}/reports/2020/achievements.md`, auth(t.tokenFor('VIEWER', {}, 'someone-else'))),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses[3]).to.equal(200);
    expect(statuses.slice(0, 3).filter((s) => s === 200)).to.have.length.at.least(1);
    const refused = results.slice(0, 3).filter((r) => r.status === 429);
    expect(refused).to.have.length.at.least(1);
    expect(refused[0].headers.get('retry-after')).to.equal('5');
    expect(((await refused[0].json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).to.equal('RATE_LIMITED');
    await Promise.all(results.map((r) => r.arrayBuffer().catch(() => null)));
    // Slots are released: the same user builds again.
    expect((await fetch(`${t.url}/reports/2020/achievements.md`, auth(viewer))).status).to.equal(200);
  });
});
