// GraphQL against a plain express route doing the same reads (and verifying the same bearer
// token), same load tool, one run. The two loads alternate over several rounds and each
// side's median round is reported: the machine's speed drifts within a run, and one load
// after the other put the drift into the ratio (0.62x and 0.82x in two runs of one build).
import autocannon from 'autocannon';
import { lasting, median, QUICK, report, spawnServer } from './lib.js';

const QUERY = `{ people(first: 50) { edges { node { id name staffNumber department { id name } } } } }`;

const ROUNDS = QUICK ? 1 : 3;
const ROUND_SECONDS = lasting(4);

/** The round whose rate is the median of the rounds. */
const medianRound = (results: autocannon.Result[]) => results.find((r) => r.requests.average === median(results.map((x) => x.requests.average)))!;

export async function benchGraphql() {
  const server = await spawnServer('bench/graphql-server.ts');
  const { url, token } = server.info;
  try {
    const gqlBody = JSON.stringify({ query: QUERY });
    const check = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: gqlBody });
    const viaGraphql = (await check.json()) as { data: unknown };
    const viaPlain = (await (await fetch(`${url}/plain/people`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: unknown };
    if (JSON.stringify(viaGraphql) !== JSON.stringify(viaPlain)) throw new Error('the plain route and GraphQL disagree; the comparison would be meaningless');

    const gqlLoad: autocannon.Options = { url: `${url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: gqlBody, connections: 10 };
    const plainLoad: autocannon.Options = { url: `${url}/plain/people`, headers: { authorization: `Bearer ${token}` }, connections: 10 };
    for (const opts of [gqlLoad, plainLoad]) await autocannon({ ...opts, duration: lasting(2) }); // warm-up
    const gqlRounds: autocannon.Result[] = [];
    const plainRounds: autocannon.Result[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      gqlRounds.push(await autocannon({ ...gqlLoad, duration: ROUND_SECONDS }));
      plainRounds.push(await autocannon({ ...plainLoad, duration: ROUND_SECONDS }));
    }
    const gql = medianRound(gqlRounds);
    const plain = medianRound(plainRounds);
    const row = (name: string, r: autocannon.Result): [string, string, string] => [name, `${Math.round(r.requests.average)} req/s`, `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`];
    report(`GraphQL vs plain express: page of 50 people with departments (10 connections; median of ${ROUNDS} alternating round(s) of ${ROUND_SECONDS} s each)`, [
      row('plain express route (baseline)', plain),
      row('GraphQL /graphql', gql),
      ['ratio GraphQL / plain', `${(gql.requests.average / plain.requests.average).toFixed(2)}×`, `aim ≥ 0.8×; rounds ${gqlRounds.map((g, i) => (g.requests.average / plainRounds[i].requests.average).toFixed(2)).join(', ')}`],
    ]);
  } finally {
    await server.stop();
  }
}
