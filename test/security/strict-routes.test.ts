// The report, export and import routes validate their query parameters as GraphQL validates
// arguments: an unknown, repeated or badly typed parameter is a 400, never ignored.
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('strict query parameters on the plain routes', () => {
  let t: TestServer;
  let viewer: string;
  before(async () => {
    t = await startTestServer();
    viewer = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  const get = async (path: string, method = 'GET') => {
    const res = await fetch(`${t.url}${path}`, { method, headers: { authorization: `Bearer ${viewer}` } });
    const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { errors: { message: string; extensions: { code: string } }[] }) : null;
    return { status: res.status, error: body?.errors?.[0] };
  };

  it('refuses a bad enum value instead of returning everything', async () => {
    for (const [path, param] of [
      ['/exports/achievements.csv?levelAtLeast=BOGUS', 'levelAtLeast'],
      ['/exports/achievements.csv?status=DONE', 'status'],
      ['/exports/achievements.xlsx?category=X', 'category'],
      ['/exports/achievements.csv?year=20', 'year'],
    ]) {
      const res = await get(path);
      expect(res.status, path).to.equal(400);
      expect(res.error!.extensions.code).to.equal('BAD_USER_INPUT');
      expect(res.error!.message).to.include(param);
    }
    const ok = await get('/exports/achievements.csv?levelAtLeast=PROVINCIAL&status=VERIFIED&year=2020');
    expect(ok.status).to.equal(200);
  });

  it('refuses repeated and unknown parameters', async () => {
    const repeated = await get('/exports/achievements.csv?year=2020&year=2019');
    expect(repeated.status).to.equal(400);
    expect(repeated.error!.message).to.match(/year 只能给一次/);
    const unknown = await get('/reports/2020/achievements.md?department=ZYJK');
    expect(unknown.status).to.equal(400);
    expect(unknown.error!.message).to.match(/未知的查询参数 department；可用：departmentId、unionGroupId/);
    const repeatedScope = await get('/reports/2020/achievements.md?departmentId=a&departmentId=b');
    expect(repeatedScope.status).to.equal(400);
    expect((await get('/imports/templates/awards.xlsx?x=1')).status).to.equal(400);
    expect((await get('/imports/awards?mode=commitNow', 'POST')).status).to.equal(400);
    expect((await get('/reports/2020/achievements.md')).status).to.equal(200);
  });
});
