// What the embedded store deliberately does not support is refused with a clear error,
// never accepted and ignored. Embedded only: MongoDB itself supports these.
import { expect } from 'chai';
import { MongoServerError } from 'mongodb';
import { openTestDb, usingRealMongo, type TestDb } from '../helpers/mongo.js';

(usingRealMongo ? describe.skip : describe)('embedded store refusals', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb('refusals');
  });
  afterEach(() => t.close());

  it('refuses $where as a mongod without server-side JavaScript does', async () => {
    await t.db.collection('c').insertOne({ a: 1 });
    const err = await t.db.collection('c').find({ $where: 'this.a == 1' }).toArray().catch((e) => e);
    expect(err).to.be.instanceOf(MongoServerError);
    expect(err.code).to.equal(2);
    expect(err.message).to.match(/no globalScriptEngine in \$where parsing/);
  });

  it('refuses capped collections and validators instead of accepting and ignoring them', async () => {
    for (const options of [{ capped: true, size: 4096 }, { validator: { $jsonSchema: { required: ['a'] } } }, { timeseries: { timeField: 't' } }]) {
      const err = await t.db.createCollection(`c${Object.keys(options)[0]}`, options as never).catch((e) => e);
      expect(err, JSON.stringify(options)).to.be.instanceOf(MongoServerError);
      expect(err.code).to.equal(238);
      expect(err.message).to.match(/not supported by the embedded server/);
    }
    expect((await t.db.listCollections().toArray()).length).to.equal(0);
  });

  it('refuses the stages MongoDB has and the store does not run, naming them as such', async () => {
    await t.db.collection('c').insertOne({ a: 1 });
    for (const stage of ['$geoNear', '$search', '$changeStream', '$planCacheStats', '$listSessions', '$vectorSearch']) {
      const err = await t.db.collection('c').aggregate([{ [stage]: {} }]).toArray().catch((e) => e);
      expect([err.code, err.message], stage).to.deep.equal([238, `${stage} is not supported by the embedded server`]);
    }
  });

  it('refuses showRecordId rather than leave the record ids out', async () => {
    await t.db.collection('c').insertOne({ a: 1 });
    const err = await t.db.collection('c').find({}).showRecordId(true).toArray().catch((e) => e);
    expect(err.code).to.equal(115);
  });

  it('refuses geo query operators and $jsonSchema queries', async () => {
    await t.db.collection('c').insertOne({ a: 1 });
    for (const filter of [{ loc: { $near: [0, 0] } }, { loc: { $geoWithin: { $centerSphere: [[0, 0], 1] } } }, { $jsonSchema: { required: ['a'] } }]) {
      const err = await t.db.collection('c').find(filter).toArray().catch((e) => e);
      expect([err.code, /not supported by the embedded server/.test(err.message)], JSON.stringify(filter)).to.deep.equal([238, true]);
    }
  });
});
