import { expect } from 'chai';
import { ObjectId, type Collection, type Document } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

describe('conformance: aggregation and ordering', () => {
  let t: TestDb;
  let awards: Collection;
  let people: Collection;
  const deptA = new ObjectId();
  const deptB = new ObjectId();

  before(async () => {
    t = await openTestDb('agg');
    awards = t.db.collection('awards');
    people = t.db.collection('people');
    await t.db.collection('departments').insertMany([
      { _id: deptA, name: '中药剂科' },
      { _id: deptB, name: '西药剂科' },
    ]);
    await people.insertMany([
      { _id: 'p1' as unknown as ObjectId, name: '张三', dept: deptA },
      { _id: 'p2' as unknown as ObjectId, name: '李四', dept: deptB },
      { _id: 'p3' as unknown as ObjectId, name: '王五', dept: deptA },
    ]);
    await awards.insertMany([
      { level: 'NATIONAL', rank: 1, grade: 2, year: 2020, score: 100, people: ['p1'], at: new Date('2020-10-01') },
      { level: 'PROVINCIAL', rank: 2, grade: 1, year: 2020, score: 500, people: ['p1', 'p3'], at: new Date('2020-06-01') },
      { level: 'MUNICIPAL', rank: 3, grade: 3, year: 2019, score: 999, people: ['p2'], at: new Date('2019-05-01') },
      { level: 'MUNICIPAL', rank: 3, grade: 1, year: 2020, score: 1000, people: ['p2'], at: new Date('2020-03-01') },
    ]);
  });
  after(() => t.close());

  const run = (pipeline: Document[], coll = awards) => coll.aggregate(pipeline).toArray();

  it('$match, $group, $sort, $limit, $project, $addFields, $count', async () => {
    const byLevel = await run([
      { $match: { year: 2020 } },
      { $group: { _id: '$level', n: { $sum: 1 }, best: { $min: '$grade' }, rank: { $first: '$rank' } } },
      { $sort: { rank: 1 } },
      { $limit: 2 },
      { $addFields: { label: { $concat: ['L-', '$_id'] } } },
      { $project: { _id: 0, label: 1, n: 1, best: 1 } },
    ]);
    expect(byLevel).to.deep.equal([
      { n: 1, best: 2, label: 'L-NATIONAL' },
      { n: 1, best: 1, label: 'L-PROVINCIAL' },
    ]);
    expect(await run([{ $match: { year: 2020 } }, { $count: 'total' }])).to.deep.equal([{ total: 3 }]);
  });

  it('$unwind and $lookup in plain, let/pipeline and concise forms', async () => {
    const plain = await run([{ $match: { level: 'PROVINCIAL' } }, { $unwind: '$people' }, { $lookup: { from: 'people', localField: 'people', foreignField: '_id', as: 'who' } }, { $project: { _id: 0, name: { $first: '$who.name' } } }]);
    expect(plain).to.deep.equal([{ name: '张三' }, { name: '王五' }]);
    const withLet = await run(
      [{ $lookup: { from: 'people', let: { d: '$_id' }, pipeline: [{ $match: { $expr: { $eq: ['$dept', '$$d'] } } }, { $sort: { name: 1 } }, { $project: { _id: 0, name: 1 } }], as: 'staff' } }, { $sort: { name: 1 } }],
      t.db.collection('departments'),
    );
    expect(withLet.map((d) => d.staff.length)).to.deep.equal([2, 1]);
    const concise = await run(
      [{ $lookup: { from: 'people', localField: '_id', foreignField: 'dept', pipeline: [{ $project: { _id: 0, name: 1 } }], as: 'staff' } }, { $project: { _id: 0, name: 1, n: { $size: '$staff' } } }],
      t.db.collection('departments'),
    );
    expect(concise).to.deep.equal([{ name: '中药剂科', n: 2 }, { name: '西药剂科', n: 1 }]);
  });

  it('refuses a $facet inside a $facet, and $out or $merge inside one, with 40600', async () => {
    for (const inner of [{ $facet: { n: [{ $count: 'n' }] } }, { $out: 'facet_out' }, { $merge: { into: 'facet_merge' } }]) {
      const err = await awards.aggregate([{ $facet: { ok: [{ $limit: 1 }], inner: [inner] } }]).toArray().catch((e: { code?: number; message: string }) => e);
      expect((err as { code?: number }).code, Object.keys(inner)[0]).to.equal(40600);
      expect((err as Error).message).to.equal(`${Object.keys(inner)[0]} is not allowed to be used within a $facet stage`);
    }
    expect(await t.db.listCollections({ name: { $in: ['facet_out', 'facet_merge'] } }).toArray()).to.deep.equal([]);
    expect((await awards.aggregate([{ $facet: { n: [{ $count: 'n' }] } }]).toArray())[0].n).to.have.length(1);
  });

  it('$facet, $bucket with [lower, upper) buckets, and $setWindowFields', async () => {
    const [facets] = await run([{ $facet: { total: [{ $count: 'n' }], years: [{ $group: { _id: '$year' } }, { $sort: { _id: 1 } }] } }]);
    expect(facets.total).to.deep.equal([{ n: 4 }]);
    expect(facets.years).to.deep.equal([{ _id: 2019 }, { _id: 2020 }]);
    const buckets = await run([{ $bucket: { groupBy: '$score', boundaries: [0, 500, 1000], default: 'other', output: { n: { $sum: 1 } } } }]);
    expect(buckets).to.deep.equal([{ _id: 0, n: 1 }, { _id: 500, n: 2 }, { _id: 'other', n: 1 }]);
    const windowed = await run([
      { $match: { level: 'MUNICIPAL' } },
      { $setWindowFields: { partitionBy: '$level', sortBy: { year: 1 }, output: { running: { $sum: '$score', window: { documents: ['unbounded', 'current'] } } } } },
      { $project: { _id: 0, year: 1, running: 1 } },
    ]);
    expect(windowed).to.deep.equal([{ year: 2019, running: 999 }, { year: 2020, running: 1999 }]);
  });

  it('groups by date parts and converts ObjectIds', async () => {
    const years = await run([{ $group: { _id: { $year: '$at' }, n: { $sum: 1 } } }, { $sort: { _id: -1 } }]);
    expect(years).to.deep.equal([{ _id: 2020, n: 3 }, { _id: 2019, n: 1 }]);
    const [conv] = await run([{ $limit: 1 }, { $project: { _id: 0, s: { $toString: deptA }, o: { $toObjectId: deptA.toHexString() }, ty: { $type: deptA } } }], t.db.collection('departments'));
    expect(conv.s).to.equal(deptA.toHexString());
    expect(conv.o.equals(deptA)).to.equal(true);
    expect(conv.ty).to.equal('objectId');
    expect(await t.db.collection('departments').countDocuments({ _id: { $type: 'objectId' } })).to.equal(2);
    expect(await people.countDocuments({ _id: { $type: 'string' } })).to.equal(3);
  });

  it('sorts null and missing first, then across types in BSON order', async () => {
    const mixed = t.db.collection('mixed');
    await mixed.insertMany([
      { _id: 1 as unknown as ObjectId, v: 'b' },
      { _id: 2 as unknown as ObjectId, v: 10 },
      { _id: 3 as unknown as ObjectId },
      { _id: 4 as unknown as ObjectId, v: null },
      { _id: 5 as unknown as ObjectId, v: new Date(0) },
      { _id: 6 as unknown as ObjectId, v: true },
      { _id: 7 as unknown as ObjectId, v: 2 },
      { _id: 8 as unknown as ObjectId, v: { a: 1 } },
    ]);
    const asc = (await mixed.find({}, { sort: { v: 1, _id: 1 } }).toArray()).map((d) => d._id);
    expect(asc).to.deep.equal([3, 4, 7, 2, 1, 8, 6, 5]);
    const desc = (await mixed.aggregate([{ $sort: { v: -1, _id: 1 } }]).toArray()).map((d) => d._id);
    expect(desc).to.deep.equal([5, 6, 8, 1, 2, 7, 3, 4]);
  });

  // "$group" under a collation ("Collation" page): keys the collation holds equal are one
  // group, whatever expression computes them; the group's _id is the first key met.
  it('groups by an expression under the collation', async () => {
    const tags = t.db.collection('tags');
    await tags.insertMany([{ tag: 'ICU', n: 1 }, { tag: 'icu', n: 3 }, { tag: 'ER', n: 2 }]);
    const groups = await tags.aggregate([{ $group: { _id: { $concat: ['$tag', ''] }, n: { $sum: 1 }, sd: { $stdDevPop: '$n' } } }, { $sort: { n: -1 } }], { collation: { locale: 'en', strength: 2 } }).toArray();
    expect(groups).to.deep.equal([
      { _id: 'ICU', n: 2, sd: 1 },
      { _id: 'ER', n: 1, sd: 0 },
    ]);
  });

  // "$redact": a pruned document is left out; "$bucketAuto": buckets of {_id: {min, max}, count},
  // the last bucket's max its greatest value.
  it('$redact prunes whole documents and $bucketAuto writes its buckets as MongoDB', async () => {
    const kept = await run([{ $redact: { $cond: [{ $gte: ['$score', 500] }, '$$KEEP', '$$PRUNE'] } }, { $sort: { score: 1 } }]);
    expect(kept.map((d) => d.score)).to.deep.equal([500, 999, 1000]);
    const buckets = await run([{ $bucketAuto: { groupBy: '$rank', buckets: 2 } }]);
    expect(buckets).to.deep.equal([
      { _id: { min: 1, max: 3 }, count: 2 },
      { _id: { min: 3, max: 3 }, count: 2 },
    ]);
  });

  // "$mergeObjects" (accumulator): the group's documents merged in order, a missing field leaving
  // the merge as it was; date parts of a missing date are null; an output field has no '.' (40235).
  it('$group merges objects, groups missing dates under null and refuses dotted output fields', async () => {
    const merged = await run([{ $match: { level: 'MUNICIPAL' } }, { $sort: { year: 1 } }, { $group: { _id: '$level', last: { $mergeObjects: { year: '$year', nothing: '$missing' } } } }]);
    expect(merged).to.deep.equal([{ _id: 'MUNICIPAL', last: { year: 2020 } }]);
    const byYear = await run([{ $group: { _id: { $year: '$missing' }, n: { $sum: 1 } } }]);
    expect(byYear).to.deep.equal([{ _id: null, n: 4 }]);
    const dotted = await run([{ $group: { _id: null, 'a.b': { $sum: 1 } } }]).catch((e) => e);
    expect(dotted.code).to.equal(40235);
  });

  // "$project": the document's _id stays first, before computed fields.
  it('keeps _id first beside computed fields', async () => {
    const [row] = await run([{ $match: { rank: 1 } }, { $project: { doubled: { $multiply: ['$score', 2] }, year: 1 } }]);
    expect(Object.keys(row)).to.deep.equal(['_id', 'year', 'doubled']);
  });

  it('sorts by pinyin with a zh collation', async () => {
    const names = t.db.collection('names');
    await names.insertMany(['王五', '张三', '李四', '安然'].map((name) => ({ name })));
    const sorted = (await names.find({}, { sort: { name: 1 }, collation: { locale: 'zh' } }).toArray()).map((d) => d.name);
    expect(sorted).to.deep.equal(['安然', '李四', '王五', '张三']);
    const agg = (await names.aggregate([{ $sort: { name: -1 } }], { collation: { locale: 'zh' } }).toArray()).map((d) => d.name);
    expect(agg).to.deep.equal(['张三', '王五', '李四', '安然']);
  });

  it('keeps arrays and documents apart whose strings hold what looks like a separator', async () => {
    // Strings may hold any character, so no character can mark where one element's key ends.
    const tags = t.db.collection('separatorKeys');
    await tags.insertMany([{ t: ['a,sb'] }, { t: ['a', 'b'] }, { t: { x: 'y,"z":sw' } }, { t: { x: 'y', z: 'w' } }]);
    const groups = await tags.aggregate([{ $group: { _id: '$t', n: { $sum: 1 } } }]).toArray();
    expect(groups).to.have.length(4);
    expect(groups.every((g) => g.n === 1)).to.equal(true);
    const pairs = t.db.collection('separatorPairs');
    await pairs.createIndex({ u: 1, v: 1 }, { unique: true });
    await pairs.insertOne({ u: 'a\u0000sb', v: 'c' });
    await pairs.insertOne({ u: 'a', v: 'b\u0000sc' });
    expect(await pairs.countDocuments()).to.equal(2);
  });
});
