// The server builds its indexes at start, even with autoIndex off on its connection.
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('database indexes', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.stop());

  it('exist for uniqueness and for the ranked list', async () => {
    const db = t.server.database.connection.db!;
    const names = async (coll: string) => (await db.collection(coll).listIndexes().toArray()).map((i) => ({ key: i.key, unique: Boolean(i.unique) }));
    expect(await names('people')).to.deep.include({ key: { staffNumber: 1 }, unique: true });
    expect(await names('users')).to.deep.include({ key: { username: 1 }, unique: true });
    expect(await names('departments')).to.deep.include({ key: { code: 1 }, unique: true });
    expect(await names('achievements')).to.deep.include({ key: { dedupeKey: 1 }, unique: true });
    expect(await names('achievements')).to.deep.include({ key: { year: 1, rankKey: 1 }, unique: false });
    expect(await names('donations')).to.deep.include({ key: { dedupeKey: 1 }, unique: true });
    expect(await names('competitions')).to.deep.include({ key: { year: 1, normalizedName: 1 }, unique: true });
  });

  it('refuse a second person with the same staff number even past the service checks', async () => {
    const err = await t.models.Person.create({ staffNumber: 'Z0101', name: '绕过检查' }).catch((e) => e);
    expect(err.code).to.equal(11000);
  });
});
