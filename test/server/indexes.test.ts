// The server builds its indexes at start, even with autoIndex off on its connection.
import { expect } from 'chai';
import { ownedModels } from '../../src/models.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('database indexes', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.stop());

  it('exist for uniqueness and for the ranked list', async () => {
    const db = t.server.database.connection.db!;
    const names = async (coll: string) => (await db.collection(coll).listIndexes().toArray()).map((i) => ({ key: i.key, unique: Boolean(i.unique) }));
    // Unique within an institution; usernames across the registry.
    expect(await names('people')).to.deep.include({ key: { institution: 1, staffNumber: 1 }, unique: true });
    expect(await names('users')).to.deep.include({ key: { username: 1 }, unique: true });
    expect(await names('departments')).to.deep.include({ key: { institution: 1, code: 1 }, unique: true });
    expect(await names('achievements')).to.deep.include({ key: { institution: 1, dedupeKey: 1 }, unique: true });
    expect(await names('achievements')).to.deep.include({ key: { institution: 1, year: 1, rankKey: 1 }, unique: false });
    expect(await names('donations')).to.deep.include({ key: { institution: 1, dedupeKey: 1 }, unique: true });
    expect(await names('competitions')).to.deep.include({ key: { institution: 1, year: 1, normalizedName: 1 }, unique: true });
    expect(await names('institutions')).to.deep.include({ key: { code: 1 }, unique: true });
  });

  it('lead with the institution on every institution-owned collection (ready for a shard key)', async () => {
    const db = t.server.database.connection.db!;
    for (const model of ownedModels(t.rawModels)) {
      for (const index of await db.collection(model.collection.collectionName).listIndexes().toArray()) {
        if (index.name === '_id_' || index.name === 'username_1') continue;
        expect(Object.keys(index.key)[0], `${model.collection.collectionName}.${index.name}`).to.equal('institution');
      }
    }
  });

  it('refuse a second person with the same staff number even past the service checks', async () => {
    const err = await t.models.Person.create({ staffNumber: 'Z0101', name: '绕过检查' }).catch((e) => e);
    expect(err.code).to.equal(11000);
  });
});
