import { expect } from 'chai';
import { MongoServerError } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

describe('conformance: server and catalog commands', () => {
  let t: TestDb;
  before(async () => (t = await openTestDb('cmds')));
  after(() => t.close());

  it('answers hello, isMaster, ping and buildInfo', async () => {
    const admin = t.client.db('admin');
    const hello = await admin.command({ hello: 1 });
    expect(hello.isWritablePrimary).to.equal(true);
    // A replica set's primary: drivers then use sessions, retryable writes and transactions.
    expect(hello.setName).to.be.a('string');
    expect(hello.hosts).to.include(hello.me);
    expect(hello.primary).to.equal(hello.me);
    expect(hello.logicalSessionTimeoutMinutes).to.be.a('number');
    expect(hello.maxWireVersion).to.be.at.least(9);
    expect(hello.maxBsonObjectSize).to.equal(16 * 1024 * 1024);
    expect((await admin.command({ isMaster: 1 })).ismaster).to.equal(true);
    expect((await admin.command({ ping: 1 })).ok).to.equal(1);
    const info = await admin.command({ buildInfo: 1 });
    expect(info.version).to.be.a('string');
    expect(info.versionArray).to.be.an('array');
  });

  it('creates, lists and drops collections and databases', async () => {
    await t.db.createCollection('alpha');
    await t.db.collection('beta').insertOne({ a: 1 });
    const names = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    expect(names).to.deep.equal(['alpha', 'beta']);
    const filtered = await t.db.listCollections({ name: 'beta' }).toArray();
    expect(filtered.map((c) => c.name)).to.deep.equal(['beta']);

    const err = await t.db.createCollection('alpha').catch((e) => e);
    expect(err).to.be.instanceOf(MongoServerError);
    expect(err.code).to.equal(48);

    const dbs = await t.client.db('admin').admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).to.include(t.db.databaseName);

    expect(await t.db.collection('alpha').drop()).to.equal(true);
    expect((await t.db.listCollections().toArray()).map((c) => c.name)).to.deep.equal(['beta']);
    await t.db.dropDatabase();
    expect(await t.db.listCollections().toArray()).to.deep.equal([]);
  });

  it('answers an unknown command with code 59 naming it', async () => {
    const err = await t.db.command({ frobnicate: 1 }).catch((e) => e);
    expect(err).to.be.instanceOf(MongoServerError);
    expect(err.code).to.equal(59);
    expect(err.message).to.include('frobnicate');
  });
});
