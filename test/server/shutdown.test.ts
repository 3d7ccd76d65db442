// Graceful shutdown of the real entry point (`npm start`) on its embedded default.
import { expect } from 'chai';
import { adminToken, startEntryPoint } from '../helpers/entry-point.js';
import { tempDir } from '../helpers/tmp.js';

describe('graceful shutdown', function () {
  this.timeout(120_000);

  it('finishes in-flight requests on SIGTERM and loses no acknowledged write', async () => {
    const tmp = tempDir('shutdown');
    try {
      const first = await startEntryPoint(tmp.dir);
      const token = await adminToken(first.url);
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const staffNumber = `S${w}-${i}`;
          try {
            const res = await fetch(`${first.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: `mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { staffNumber } userErrors { message } } }`, variables: { i: { staffNumber, name: '关停测试' } } }),
            });
            const body = (await res.json()) as { data?: { personCreate?: { person?: { staffNumber: string } } } };
            if (body.data?.personCreate?.person?.staffNumber === staffNumber) acknowledged.push(staffNumber);
          } catch {
            break; // the server stopped accepting
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await new Promise((r) => setTimeout(r, 800));
      first.child.kill('SIGTERM');
      expect(await first.exited).to.equal(0);
      stop = true;
      await Promise.all(writers);
      expect(acknowledged.length).to.be.greaterThan(10);

      const second = await startEntryPoint(tmp.dir);
      try {
        const stored = new Set<string>();
        let after: string | null = null;
        do {
          const res = await fetch(`${second.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: `query($after: String) { people(first: 100, after: $after, filter: { search: "关停测试" }, orderBy: { field: STAFF_NUMBER }) { edges { node { staffNumber } } pageInfo { hasNextPage endCursor } } }`,
              variables: { after },
            }),
          });
          const page: { edges: { node: { staffNumber: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = ((await res.json()) as { data: { people: never } }).data.people;
          for (const e of page.edges) stored.add(e.node.staffNumber);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        const lost = acknowledged.filter((s) => !stored.has(s));
        expect(lost, 'acknowledged writes missing after restart').to.deep.equal([]);
        // Only requests cut off at the moment of shutdown may be stored without an acknowledgement.
        expect(stored.size - acknowledged.length).to.be.at.most(4);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      tmp.remove();
    }
  });
});
