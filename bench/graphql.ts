// GraphQL against a plain express route doing the same reads (and verifying the same bearer
// token), same load tool, one run.
import autocannon from 'autocannon';
import { lasting, report, spawnServer } from './lib.js';

const QUERY = `{ people(first: 50) { edges { node { id name staffNumber department { id name } } } } }`;

async function load(opts: autocannon.Options) {
  await autocannon({ ...opts, duration: lasting(2) }); // warm-up
  return autocannon({ ...opts, duration: lasting(8), connections: 10 });
}

export async function benchGraphql() {
  const server = await spawnServer('bench/graphql-server.ts');
  const { url, token } = server.info;
  try {
    const gqlBody = JSON.stringify({ query: QUERY });
    const check = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: gqlBody });
    const viaGraphql = (await check.json()) as { data: unknown };
    const viaPlain = (await (await fetch(`${url}/plain/people`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: unknown };
    if (JSON.stringify(viaGraphql) !== JSON.stringify(viaPlain)) throw new Error('the plain route and GraphQL disagree; the comparison would be meaningless');

    const gql = await load({ url: `${url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: gqlBody });
    const plain = await load({ url: `${url}/plain/people`, headers: { authorization: `Bearer ${token}` } });
    const row = (name: string, r: autocannon.Result): [string, string, string] => [name, `${Math.round(r.requests.average)} req/s`, `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`];
    report(`GraphQL vs plain express: page of 50 people with departments (10 connections, ${lasting(8)} s)`, [
      row('plain express route (baseline)', plain),
      row('GraphQL /graphql', gql),
      ['ratio GraphQL / plain', `${(gql.requests.average / plain.requests.average).toFixed(2)}×`, 'aim ≥ 0.8×'],
    ]);
  } finally {
    await server.stop();
  }
}
