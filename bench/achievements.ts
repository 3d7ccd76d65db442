// achievements(year, first: 50) with nested recipients at 10k and 100k awards: requests/s,
// p99 and database operations per request, against a page of 50 people in the same server,
// and the ratio between the two sizes.
import autocannon from 'autocannon';
import { count, lasting, report, sized, spawnServer } from './lib.js';

const QUERY = `{ achievements(filter: { year: 2020 }, first: 50) { edges { node { title levelLabel resultLabel people { name department { name } } ... on Award { competition { name } } } } } }`;
// The page it is measured against, in the same server: 50 people with their departments.
const PEOPLE = `{ people(first: 50) { edges { node { name department { name } } } } }`;
// The count a dashboard shows beside the list: from an index, not a scan of the year.
const TOTAL = `{ achievements(filter: { year: 2020 }, first: 1) { totalCount } }`;

async function measure(awards: number) {
  const server = await spawnServer('bench/achievements-server.ts', ['--awards', String(awards)]);
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${server.info.token}` };
    const body = JSON.stringify({ query: QUERY });
    // Database operations so far, from the server's own /metrics (every series' count).
    const commandsNow = async () =>
      (await (await fetch(`${server.info.url}/metrics`)).text())
        .split('\n')
        .filter((l) => l.startsWith('honours_database_operation_duration_seconds_count'))
        .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    const before = await commandsNow();
    const check = (await (await fetch(`${server.info.url}/graphql`, { method: 'POST', headers, body })).json()) as { data?: { achievements: { edges: unknown[] } } };
    if (check.data?.achievements.edges.length !== 50) throw new Error(`unexpected answer: ${JSON.stringify(check).slice(0, 300)}`);
    const perRequest = (await commandsNow()) - before;
    const opts = { url: `${server.info.url}/graphql`, method: 'POST' as const, headers, body };
    const peopleOpts = { ...opts, body: JSON.stringify({ query: PEOPLE }) };
    await autocannon({ ...opts, duration: lasting(2), connections: 10 });
    await autocannon({ ...peopleOpts, duration: lasting(2), connections: 10 });
    const result = await autocannon({ ...opts, duration: lasting(8), connections: 10 });
    const people = await autocannon({ ...peopleOpts, duration: lasting(8), connections: 10 });
    const total = await autocannon({ ...opts, body: JSON.stringify({ query: TOTAL }), duration: lasting(3), connections: 10 });
    return { awards, result, people, perRequest, total };
  } finally {
    await server.stop();
  }
}

export async function benchAchievements() {
  const small = await measure(sized(10_000));
  const large = await measure(sized(100_000));
  const row = (m: typeof small): [string, string, string] => [
    `${count(m.awards)} awards`,
    `${Math.round(m.result.requests.average)} req/s`,
    `p50 ${m.result.latency.p50} ms, p99 ${m.result.latency.p99} ms, ${m.perRequest} db operations/request, errors ${m.result.errors + m.result.non2xx}`,
  ];
  const againstPeople = (m: typeof small): [string, string, string] => [
    `  people(first: 50) with departments, same server`,
    `${Math.round(m.people.requests.average)} req/s`,
    `achievements ${(m.result.requests.average / m.people.requests.average).toFixed(2)}× its rate (aim ≥ 0.6×), errors ${m.people.errors + m.people.non2xx}`,
  ];
  report(`achievements(year: 2020, first: 50) with recipients, departments and competitions (10 connections, ${lasting(8)} s)`, [
    row(small),
    againstPeople(small),
    row(large),
    againstPeople(large),
    [`cost ratio ${count(large.awards)} / ${count(small.awards)} (mean latency)`, `${(large.result.latency.average / small.result.latency.average).toFixed(2)}×`, 'aim ≤ 1.2×'],
    ...[small, large].map((m): [string, string, string] => [`totalCount of the year, ${count(m.awards)} awards`, `${Math.round(m.total.requests.average)} req/s`, `p99 ${m.total.latency.p99} ms`]),
    [`totalCount ratio ${count(large.awards)} / ${count(small.awards)} (mean latency)`, `${(large.total.latency.average / small.total.latency.average).toFixed(2)}×`, 'an index count: near 1×'],
  ]);
}
