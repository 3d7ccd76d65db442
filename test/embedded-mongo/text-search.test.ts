// Text indexes and $text. Answers are MongoDB 7's, from its manual ("Text Indexes", "$text",
// "Text Search Languages", "$meta") and its text index version 3 sources (tokenizer, stop
// words, Porter2 stemming, the score of fts_spec.cpp); the Chinese cases at the end are the
// store's own addition and are skipped against a real MongoDB.
import { expect } from 'chai';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { openTestDb, serverFailure, usingRealMongo, type TestDb } from '../helpers/mongo.js';
import { tempDir } from '../helpers/tmp.js';

describe('conformance: text indexes and $text', () => {
  let t: TestDb;
  let coll: Collection<Document>;
  const titles = async (filter: Document, sort?: Document) =>
    (
      await coll
        .find(filter)
        .sort(sort ?? { _id: 1 })
        .toArray()
    ).map((d) => d._id);

  beforeEach(async () => {
    t = await openTestDb('text');
    coll = t.db.collection('articles');
  });
  afterEach(() => t.close());

  it('stores a text index as MongoDB lists it: _fts/_ftsx with weights, language and version', async () => {
    await coll.createIndex({ title: 'text', body: 'text' }, { weights: { title: 10 } });
    const index = (await coll.listIndexes().toArray()).find((i) => i.name === 'title_text_body_text')!;
    expect(index.key).to.deep.equal({ _fts: 'text', _ftsx: 1 });
    expect(index.weights).to.deep.equal({ body: 1, title: 10 });
    expect(index).to.include({ default_language: 'english', language_override: 'language', textIndexVersion: 3 });
    // The same index again is no change; a second text index is refused.
    expect(await coll.createIndex({ title: 'text', body: 'text' }, { weights: { title: 10 } })).to.equal('title_text_body_text');
    const second = await serverFailure(coll.createIndex({ summary: 'text' }));
    expect(second.code).to.equal(67);
    expect(second.message).to.contain('only one text index per collection allowed');
  });

  it('refuses $text without a text index (27) and text score without $text (40218)', async () => {
    await coll.insertOne({ _id: 1 as never, title: 'coffee' });
    expect((await serverFailure(coll.find({ $text: { $search: 'coffee' } }).toArray())).code).to.equal(27);
    expect((await serverFailure(t.db.collection('none').find({ $text: { $search: 'coffee' } }).toArray())).code).to.equal(27);
    expect((await serverFailure(coll.find({}, { projection: { score: { $meta: 'textScore' } } }).toArray())).code).to.equal(40218);
  });

  describe('with documents', () => {
    beforeEach(async () => {
      await coll.createIndex({ title: 'text' });
      await coll.insertMany([
        { _id: 1 as never, title: 'Running a coffee shop' },
        { _id: 2 as never, title: 'The runner drinks tea' },
        { _id: 3 as never, title: 'Decaf coffee and tea' },
        { _id: 4 as never, title: 'Un café au lait' },
        { _id: 5 as never, title: 'Coffee' },
        { _id: 6 as never, tags: ['no title here'] },
      ]);
    });

    it('matches any term after stemming, ignoring case; stop words match nothing', async () => {
      expect(await titles({ $text: { $search: 'runs' } })).to.deep.equal([1]); // run, not runner
      expect(await titles({ $text: { $search: 'TEA' } })).to.deep.equal([2, 3]);
      expect(await titles({ $text: { $search: 'coffee tea' } })).to.deep.equal([1, 2, 3, 5]);
      expect(await titles({ $text: { $search: 'the and a' } })).to.deep.equal([]);
    });

    it('negates a term, requires a phrase, and negates a phrase', async () => {
      expect(await titles({ $text: { $search: 'coffee -decaf' } })).to.deep.equal([1, 5]);
      expect(await titles({ $text: { $search: '"coffee shop"' } })).to.deep.equal([1]);
      expect(await titles({ $text: { $search: 'coffee -"coffee shop"' } })).to.deep.equal([3, 5]);
      // A hyphen inside a word is no negation, and a negation alone finds nothing.
      expect(await titles({ $text: { $search: 'tea-coffee' } })).to.deep.equal([1, 2, 3, 5]);
      expect(await titles({ $text: { $search: '-coffee' } })).to.deep.equal([]);
    });

    it('ignores diacritics and case unless asked', async () => {
      expect(await titles({ $text: { $search: 'cafe' } })).to.deep.equal([4]);
      expect(await titles({ $text: { $search: 'cafe', $diacriticSensitive: true } })).to.deep.equal([]);
      expect(await titles({ $text: { $search: 'Coffee', $caseSensitive: true } })).to.deep.equal([5]);
    });

    it('combines with other conditions, at the top or inside $and', async () => {
      expect(await titles({ $text: { $search: 'coffee' }, _id: { $gt: 2 } })).to.deep.equal([3, 5]);
      expect(await titles({ $and: [{ _id: { $lt: 5 } }, { $text: { $search: 'coffee' } }] })).to.deep.equal([1, 3]);
      expect((await serverFailure(coll.find({ $and: [{ $text: { $search: 'a' } }, { $text: { $search: 'b' } }] }).toArray())).code).to.equal(2);
      expect(await coll.countDocuments({ $text: { $search: 'tea' } })).to.equal(2);
    });

    it("scores as MongoDB: weight × frequency × the term's share of the field, a field that is the term boosted", async () => {
      const scored = await coll
        .find({ $text: { $search: 'coffee' } }, { projection: { score: { $meta: 'textScore' } } })
        .sort({ score: { $meta: 'textScore' }, _id: 1 })
        .toArray();
      // "Coffee" alone: 1 × 1 × (0.5 × 1/1 + 0.5), unboosted as its stem "coffe" is not the
      // field. "Running a coffee shop": three terms after the stop word, 0.5 × 1/3 + 0.5.
      // "Decaf coffee and tea" likewise.
      expect(scored.map((d) => d._id)).to.deep.equal([5, 1, 3]);
      expect(scored[0].score).to.be.closeTo(1, 1e-9);
      expect(scored[1].score).to.be.closeTo(2 / 3, 1e-9);
      expect(scored[1]).to.have.keys('_id', 'title', 'score');
    });

    it('carries the score through a pipeline whose first stage is the $text match', async () => {
      const out = await coll
        .aggregate([
          { $match: { $text: { $search: 'coffee tea' } } },
          { $sort: { score: { $meta: 'textScore' }, _id: 1 } },
          { $project: { _id: 1, score: { $meta: 'textScore' } } },
          { $limit: 2 },
        ])
        .toArray();
      expect(out.map((d) => d._id)).to.deep.equal([3, 5]);
      expect(out[0]).to.have.keys('_id', 'score');
      expect(out[0].score).to.be.closeTo(4 / 3, 1e-9); // coffee and tea, each 0.5 × 1/3 + 0.5
      const late = await serverFailure(coll.aggregate([{ $match: { _id: 1 } }, { $match: { $text: { $search: 'coffee' } } }]).toArray());
      expect(late.code).to.equal(17313);
    });

    it('keeps the index current through updates and deletes', async () => {
      await coll.updateOne({ _id: 5 as never }, { $set: { title: 'Green tea' } });
      await coll.deleteOne({ _id: 1 as never });
      expect(await titles({ $text: { $search: 'coffee' } })).to.deep.equal([3]);
      expect(await titles({ $text: { $search: 'green' } })).to.deep.equal([5]);
      expect((await coll.updateMany({ $text: { $search: 'tea' } }, { $set: { drink: true } })).modifiedCount).to.equal(3);
    });
  });

  it("finds a transaction's own writes, and others' only once committed", async function () {
    const hello = await t.db.admin().command({ hello: 1 });
    if (!hello.setName) return this.skip(); // transactions need a replica set
    await coll.createIndex({ title: 'text' });
    await coll.insertOne({ _id: 1 as never, title: 'night shift' });
    const session = t.client.startSession();
    try {
      await session.withTransaction(async () => {
        await coll.insertOne({ _id: 2 as never, title: 'night duty' }, { session });
        await coll.updateOne({ _id: 1 as never }, { $set: { title: 'day shift' } }, { session });
        const inside = await coll.find({ $text: { $search: 'night' } }, { session, projection: { score: { $meta: 'textScore' } } }).toArray();
        expect(inside.map((d) => d._id)).to.deep.equal([2]);
        expect(inside[0].score).to.be.closeTo(0.75, 1e-9);
        expect(await titles({ $text: { $search: 'night' } })).to.deep.equal([1]);
      });
    } finally {
      await session.endSession();
    }
    expect(await titles({ $text: { $search: 'night' } })).to.deep.equal([2]);
  });

  it("reads a document's language field, and refuses one it cannot read", async () => {
    await coll.createIndex({ title: 'text' });
    await coll.insertMany([
      { _id: 1 as never, title: 'running', language: 'none' },
      { _id: 2 as never, title: 'running' },
    ]);
    expect(await titles({ $text: { $search: 'run' } })).to.deep.equal([2]);
    expect(await titles({ $text: { $search: 'running', $language: 'none' } })).to.deep.equal([1]);
    // Unstemmed, the term is the whole field, which earns the boost: 1 × 1 × 1 × 1.1.
    const [boosted] = await coll.find({ $text: { $search: 'running', $language: 'none' } }, { projection: { score: { $meta: 'textScore' } } }).toArray();
    expect(boosted.score).to.be.closeTo(1.1, 1e-9);
    expect((await serverFailure(coll.insertOne({ title: 'x', language: 'klingon' }))).code).to.equal(17262);
    expect(await coll.countDocuments()).to.equal(2);
  });

  it('indexes every string with the wildcard, and needs equality on a compound prefix', async () => {
    await coll.createIndex({ '$**': 'text' });
    await coll.insertMany([
      { _id: 1 as never, a: { b: ['deep tea'] } },
      { _id: 2 as never, c: 'coffee' },
    ]);
    expect(await titles({ $text: { $search: 'tea' } })).to.deep.equal([1]);
    const other = t.db.collection('compound');
    await other.createIndex({ ward: 1, note: 'text' });
    await other.insertMany([
      { ward: 'A', note: 'night shift' },
      { ward: 'B', note: 'night shift' },
    ]);
    expect(await other.countDocuments({ ward: 'A', $text: { $search: 'night' } })).to.equal(1);
    expect((await serverFailure(other.find({ $text: { $search: 'night' } }).toArray())).code).to.equal(2);
  });
});

describe('embedded store: Chinese text search (characters and bigrams)', function () {
  if (usingRealMongo) return void it.skip('the store’s own tokenizer: MongoDB keeps a run of Han characters as one token');
  let t: TestDb;
  let coll: Collection<Document>;
  before(async () => {
    t = await openTestDb('text_zh');
    coll = t.db.collection('honours');
    await coll.createIndex({ title: 'text', holder: 'text' }, { default_language: 'none' });
    await coll.insertMany([
      { _id: 1 as never, title: '浙江省五一劳动奖章', holder: '王志刚' },
      { _id: 2 as never, title: '全国三八红旗手', holder: '李红' },
      { _id: 3 as never, title: '院级优秀护士，ICU病房', holder: '王丽' },
      { _id: 4 as never, title: '市级巾帼文明岗', holder: '护理部' },
    ]);
  });
  after(() => t.close());
  const ids = async (search: string) =>
    (
      await coll
        .find({ $text: { $search: search } }, { projection: { score: { $meta: 'textScore' } } })
        .sort({ score: { $meta: 'textScore' }, _id: 1 })
        .toArray()
    ).map((d) => d._id);

  it('finds a word inside a run of characters by its bigrams', async () => {
    expect(await ids('劳动奖章')).to.deep.equal([1]);
    expect(await ids('王志刚')).to.deep.equal([1]);
    expect(await ids('病房')).to.deep.equal([3]);
    expect(await ids('icu')).to.deep.equal([3]);
  });

  it('rebuilds the text index from the journal after a restart', async () => {
    const tmp = tempDir('text-restart');
    try {
      for (const round of [1, 2]) {
        const server = await startEmbeddedMongo({ dataDir: tmp.dir });
        const client = await new MongoClient(server.uri).connect();
        const honours = client.db('d').collection('honours');
        if (round === 1) {
          await honours.createIndex({ title: 'text' }, { default_language: 'none' });
          await honours.insertOne({ title: '五一劳动奖章' });
        }
        expect(await honours.countDocuments({ $text: { $search: '劳动' } })).to.equal(1);
        await client.close();
        await server.stop();
      }
    } finally {
      tmp.remove();
    }
  });

  it('finds a single character, and phrases and negations work on Chinese', async () => {
    // The shorter field gives the character the larger share: 王丽 before 王志刚.
    expect(await ids('王')).to.deep.equal([3, 1]);
    expect(await ids('王 -志刚')).to.deep.equal([3]);
    expect(await ids('"文明岗"')).to.deep.equal([4]);
    expect(await ids('红旗 文明')).to.deep.equal([2, 4]); // equal scores (seven characters each), then by _id
  });
});
