// GET /metrics: Prometheus's text format with GraphQL latency per operation, database
// timings, report and import counts and Node's own figures; answered only on this machine
// (or with METRICS_TOKEN, only to its bearer).
import { expect } from 'chai';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';

const TOKEN = 'metrics-token-metrics-token-metrics-0123';

async function scrape(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** The value of one series, by its name and labels as printed. */
function value(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', function () {
  this.timeout(60_000);

  describe('without METRICS_TOKEN', () => {
    let t: TestServer;
    before(async () => (t = await startTestServer()));
    after(() => t.stop());

    it('counts GraphQL operations by name, type and outcome, and times the database work behind them', async () => {
      const token = t.tokenFor('VIEWER');
      await t.gql('query PeoplePage { people(first: 5) { totalCount } }', {}, token);
      await t.gql('query PeoplePage { people(first: 5) { totalCount } }', {}, token);
      await t.gql('query Broken { people(first: -1) { totalCount } }', {}, token);
      const { status, type, body } = await scrape(t.url);
      expect(status).to.equal(200);
      expect(type).to.match(/^text\/plain; version=0\.0\.4/);
      expect(value(body, 'honours_graphql_request_duration_seconds_count{operation="PeoplePage",type="query",outcome="ok"}')).to.equal(2);
      expect(value(body, 'honours_graphql_request_duration_seconds_count{operation="Broken",type="query",outcome="error"}')).to.equal(1);
      expect(value(body, 'honours_database_operation_duration_seconds_count{operation="countDocuments",collection="people"}')).to.be.at.least(2);
      expect(value(body, 'nodejs_eventloop_lag_seconds')).to.be.a('number').and.at.least(0);
      for (const name of ['nodejs_heap_size_used_bytes', 'process_resident_memory_bytes']) expect(value(body, name), name).to.be.greaterThan(0);
    });

    it('labels an operation name a client could abuse as one bounded value', async () => {
      await t.gql(`query ${'X'.repeat(80)} { __typename }`, {}, t.tokenFor('VIEWER'));
      const { body } = await scrape(t.url);
      expect(body).to.include('operation="invalid"');
      expect(body).not.to.include('X'.repeat(80));
    });

    it('counts reports built and imports run', async () => {
      const admin = t.tokenFor('ADMIN');
      const report = await t.gql('{ achievementReport(year: 2020) { year } }', {}, admin);
      expect(report.errors).to.equal(undefined);
      const form = new FormData();
      form.append('file', new Blob(['竞赛名称,级别\n']), 'empty.csv');
      await fetch(`${t.url}/imports/awards?mode=dryRun`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
      const { body } = await scrape(t.url);
      expect(value(body, 'honours_reports_built_total{scope="institution"}')).to.equal(1);
      expect(value(body, 'honours_imports_total{kind="awards",mode="DRY_RUN",outcome="refused"}')).to.equal(1);
    });

    it('refuses a request a proxy forwarded, in the caller\'s language', async () => {
      const forwarded = await scrape(t.url, { 'x-forwarded-for': '203.0.113.9' });
      expect(forwarded.status).to.equal(403);
      expect(JSON.parse(forwarded.body).errors[0].message).to.include('本机');
      const english = await scrape(t.url, { forwarded: 'for=203.0.113.9', 'accept-language': 'en' });
      expect(english.status).to.equal(403);
      expect(JSON.parse(english.body).errors[0].message).to.include('this machine');
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestServer;
    before(async () => (t = await startTestServer({ METRICS_TOKEN: TOKEN })));
    after(() => t.stop());

    it('answers only the bearer of the token, even on this machine', async () => {
      expect((await scrape(t.url)).status).to.equal(403);
      expect((await scrape(t.url, { authorization: `Bearer ${TOKEN}x` })).status).to.equal(403);
      expect((await scrape(t.url, { authorization: `Bearer ${t.tokenFor('ADMIN')}` })).status).to.equal(403);
      const ok = await scrape(t.url, { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' });
      expect(ok.status).to.equal(200);
      expect(ok.body).to.include('honours_graphql_request_duration_seconds');
      expect(ok.body).not.to.include(ADMIN_PASSWORD);
    });
  });
});
