// What MongoDB answers for the stage shapes an application sends most (projections of field
// paths, $unwind, $lookup by equality, $group of field paths, $facet, a later $match) and for
// equality filters on dotted paths and long $in lists. Driver only: runs against MongoDB too.
import { expect } from 'chai';
import type { Collection, Document } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

describe('conformance: pipeline stages on field paths', () => {
  let t: TestDb;
  let coll: (name: string) => Collection<Document>;
  before(async () => {
    t = await openTestDb('plain_stages');
    coll = (name) => t.db.collection(name);
  });
  after(() => t.close());

  const byId = (docs: Document[]) => [...docs].sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));

  it('projects field paths in the document’s order, through arrays of documents', async () => {
    const c = coll('projected');
    await c.insertOne({ _id: 1 as never, b: 2, a: [{ x: 1, y: 2 }, 5, { y: 3 }], c: { x: 1, z: 2 } });
    const inclusion = { 'a.x': 1, 'c.x': 1, b: 1 };
    const kept = { _id: 1, b: 2, a: [{ x: 1 }, {}], c: { x: 1 } };
    const aggregated = await c.aggregate([{ $project: inclusion }]).toArray();
    expect(aggregated).to.deep.equal([kept]);
    expect(Object.keys(aggregated[0])).to.deep.equal(['_id', 'b', 'a', 'c']);
    expect(await c.find({}, { projection: inclusion }).toArray()).to.deep.equal([kept]);
    const dropped = { _id: 1, b: 2, a: [{ x: 1 }, 5, {}] };
    expect(await c.aggregate([{ $project: { 'a.y': 0, c: 0 } }]).toArray()).to.deep.equal([dropped]);
    expect(await c.find({}, { projection: { 'a.y': 0, c: 0 } }).toArray()).to.deep.equal([dropped]);
    expect(await c.aggregate([{ $project: { _id: 1 } }]).toArray()).to.deep.equal([{ _id: 1 }]);
    expect(await c.aggregate([{ $project: { _id: 0, b: 1 } }]).toArray()).to.deep.equal([{ b: 2 }]);
    expect(await c.find({}, { projection: { _id: 0 } }).toArray()).to.deep.equal([{ b: 2, a: [{ x: 1, y: 2 }, 5, { y: 3 }], c: { x: 1, z: 2 } }]);
  });

  it('unwinds arrays, keeps other values, and preserves null, missing and [] only when asked', async () => {
    const c = coll('unwound');
    await c.insertMany([{ _id: 1, v: [1, 2] }, { _id: 2, v: 3 }, { _id: 3, v: null }, { _id: 4 }, { _id: 5, v: [] }] as never[]);
    expect(await c.aggregate([{ $sort: { _id: 1 } }, { $unwind: '$v' }]).toArray()).to.deep.equal([
      { _id: 1, v: 1 },
      { _id: 1, v: 2 },
      { _id: 2, v: 3 },
    ]);
    expect(await c.aggregate([{ $sort: { _id: 1 } }, { $unwind: { path: '$v', preserveNullAndEmptyArrays: true } }]).toArray()).to.deep.equal([
      { _id: 1, v: 1 },
      { _id: 1, v: 2 },
      { _id: 2, v: 3 },
      { _id: 3, v: null },
      { _id: 4 },
      { _id: 5 },
    ]);
  });

  it('leaves the stored documents as they were, whatever the $unwind options', async () => {
    const c = coll('unwound_kept');
    await c.insertMany([{ _id: 1, a: { b: [] } }, { _id: 2, a: { b: 7 } }, { _id: 3, v: [] }] as never[]);
    await c.aggregate([{ $unwind: { path: '$a.b', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } }]).toArray();
    await c.aggregate([{ $unwind: { path: '$v', preserveNullAndEmptyArrays: true } }]).toArray();
    expect(await c.find().sort({ _id: 1 }).toArray()).to.deep.equal([{ _id: 1, a: { b: [] } }, { _id: 2, a: { b: 7 } }, { _id: 3, v: [] }]);
  });

  it('looks up by equality: null or missing finds null, missing and arrays holding null; matches come in the foreign order', async () => {
    const local = coll('lookup_local');
    const foreign = coll('lookup_foreign');
    await local.insertMany([{ _id: 1, k: 'a' }, { _id: 2, k: null }, { _id: 3 }] as never[]);
    await foreign.insertMany([{ _id: 'f1', k: 'a' }, { _id: 'f2', k: ['b', 'a'] }, { _id: 'f3', k: null }, { _id: 'f4' }, { _id: 'f5', k: [] }, { _id: 'f6', k: [null] }] as never[]);
    const joined = await local.aggregate([{ $sort: { _id: 1 } }, { $lookup: { from: 'lookup_foreign', localField: 'k', foreignField: 'k', as: 'hits' } }, { $project: { hits: '$hits._id' } }]).toArray();
    expect(joined).to.deep.equal([
      { _id: 1, hits: ['f1', 'f2'] },
      { _id: 2, hits: ['f3', 'f4', 'f6'] },
      { _id: 3, hits: ['f3', 'f4', 'f6'] },
    ]);
  });

  it('answers joined whole records in a $facet as stored, and as changed after an update', async () => {
    const rows = coll('facet_join_rows');
    const people = coll('facet_join_people');
    const when = new Date('2020-04-09T00:00:00Z');
    await people.insertMany([
      { _id: 'p1', name: '张三', at: when, tags: ['a', { deep: [1, 2.5] }], n: 1 },
      { _id: 'p2', name: 'Li', sub: { x: null, y: [] } },
    ] as never[]);
    await rows.insertMany([{ _id: 1, people: ['p1', 'p2'], t: 'x' }, { _id: 2, people: ['p1'], t: 'y' }] as never[]);
    const page = () =>
      rows
        .aggregate([
          { $match: {} },
          { $sort: { _id: 1 } },
          { $facet: { rows: [{ $project: { t: 1 } }], people: [{ $unwind: '$people' }, { $group: { _id: '$people' } }, { $sort: { _id: 1 } }, { $lookup: { from: 'facet_join_people', localField: '_id', foreignField: '_id', as: 'records' } }] } },
        ])
        .toArray();
    const expected = (p1: Document) => [{ rows: [{ _id: 1, t: 'x' }, { _id: 2, t: 'y' }], people: [{ _id: 'p1', records: [p1] }, { _id: 'p2', records: [{ _id: 'p2', name: 'Li', sub: { x: null, y: [] } }] }] }];
    const first = { _id: 'p1', name: '张三', at: when, tags: ['a', { deep: [1, 2.5] }], n: 1 };
    expect(await page()).to.deep.equal(expected(first));
    const again = await page();
    expect(again).to.deep.equal(expected(first));
    expect(Object.keys(again[0].people[0].records[0])).to.deep.equal(['_id', 'name', 'at', 'tags', 'n']);
    await people.updateOne({ _id: 'p1' as never }, { $set: { name: '张三丰' }, $unset: { n: '' } });
    expect(await page()).to.deep.equal(expected({ _id: 'p1', name: '张三丰', at: when, tags: ['a', { deep: [1, 2.5] }] }));
  });

  it('looks up through an index on the foreign field as without one: scalars, null, missing and arrays of keys', async () => {
    const local = coll('lookup_indexed_local');
    const foreign = coll('lookup_indexed_foreign');
    await local.insertMany([{ _id: 1, k: 'a', ids: ['f2', 'f1', 'nope', 'f1'] }, { _id: 2, k: null, ids: [] }, { _id: 3, ids: 'f3' }, { _id: 4, k: ['b', 'x'] }] as never[]);
    await foreign.insertMany([{ _id: 'f1', k: 'a' }, { _id: 'f2', k: ['b', 'a'] }, { _id: 'f3', k: null }, { _id: 'f4' }, { _id: 'f5', k: [] }, { _id: 'f6', k: [null] }] as never[]);
    const hits = async (localField: string, foreignField: string) => {
      const joined = await local.aggregate([{ $sort: { _id: 1 } }, { $lookup: { from: 'lookup_indexed_foreign', localField, foreignField, as: 'hits' } }, { $project: { hits: '$hits._id' } }]).toArray();
      // Matches found through an index come in its order, which MongoDB does not promise either.
      return joined.map((d) => ({ _id: d._id, hits: [...(d.hits as string[])].sort() }));
    };
    const byKey = [
      { _id: 1, hits: ['f1', 'f2'] },
      { _id: 2, hits: ['f3', 'f4', 'f6'] },
      { _id: 3, hits: ['f3', 'f4', 'f6'] },
      { _id: 4, hits: ['f2'] },
    ];
    expect(await hits('k', 'k')).to.deep.equal(byKey);
    await foreign.createIndex({ k: 1 });
    expect(await hits('k', 'k')).to.deep.equal(byKey);
    expect(await hits('ids', '_id')).to.deep.equal([
      { _id: 1, hits: ['f1', 'f2'] },
      { _id: 2, hits: [] },
      { _id: 3, hits: ['f3'] },
      { _id: 4, hits: [] },
    ]);
  });

  it('pages a $match, $sort, $limit through an index as it does without one', async () => {
    const c = coll('paged_pipeline');
    await c.insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: i, year: 2020 + (i % 3), rank: `r${(i * 7) % 10}` })) as never[]);
    const page = () => c.aggregate([{ $match: { year: 2021 } }, { $sort: { rank: 1, _id: 1 } }, { $limit: 5 }, { $project: { rank: 1 } }]).toArray();
    const unindexed = await page();
    expect(unindexed.map((d) => d._id)).to.deep.equal([10, 40, 13, 43, 16]);
    await c.createIndex({ year: 1, rank: 1 });
    expect(await page()).to.deep.equal(unindexed);
  });

  it('compares numbers with numbers only: scalars, -0 and 0, arrays by any element, strings and null apart', async () => {
    const c = coll('numeric_ranges');
    await c.insertMany([{ _id: 1, v: 1 }, { _id: 2, v: 5 }, { _id: 3, v: 5.5 }, { _id: 4, v: -0 }, { _id: 5, v: 0 }, { _id: 6, v: '7' }, { _id: 7, v: [1, 9] }, { _id: 8 }, { _id: 9, v: null }, { _id: 10, v: 10 }] as never[]);
    const ids = async (filter: Document) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ v: { $gt: 5 } })).to.deep.equal([3, 7, 10]);
    // Each bound may be met by another element of an array.
    expect(await ids({ v: { $gte: 5, $lte: 5.5 } })).to.deep.equal([2, 3, 7]);
    expect(await ids({ v: { $lt: 1 } })).to.deep.equal([4, 5]);
    expect(await ids({ v: { $in: [0] } })).to.deep.equal([4, 5]);
    expect(await ids({ v: { $ne: 5 } })).to.deep.equal([1, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await ids({ v: { $nin: [1, 10] } })).to.deep.equal([2, 3, 4, 5, 6, 8, 9]);
  });

  it('groups by field paths: an object key leaves out a missing field, $push and $addToSet skip missing and keep null, a path through an array gives an array', async () => {
    const c = coll('grouped');
    await c.insertMany([{ _id: 1, g: 'x', v: 1, a: [{ b: 1 }, { b: 2 }, { c: 3 }] }, { _id: 2, g: 'x', v: null }, { _id: 3, g: 'x' }] as never[]);
    const [group] = await c.aggregate([{ $sort: { _id: 1 } }, { $group: { _id: { g: '$g', m: '$missing' }, pushed: { $push: '$v' }, set: { $addToSet: '$v' }, first: { $first: '$missing' } } }]).toArray();
    expect(group._id).to.deep.equal({ g: 'x' });
    expect(group.pushed).to.deep.equal([1, null]);
    expect([...group.set].sort()).to.deep.equal([1, null].sort());
    expect(group.first).to.equal(null);
    const byPath = await c.aggregate([{ $group: { _id: '$a.b', n: { $sum: 1 } } }, { $sort: { n: 1 } }]).toArray();
    expect(byPath).to.deep.equal([
      { _id: [1, 2], n: 1 },
      { _id: null, n: 2 },
    ]);
  });

  it('runs each $facet over the same documents: one that changes them changes them for itself only', async () => {
    const c = coll('faceted');
    await c.insertMany([{ _id: 1, v: 1 }, { _id: 2, v: 2 }] as never[]);
    const [facets] = await c.aggregate([{ $sort: { _id: 1 } }, { $facet: { changed: [{ $set: { v: 99 } }], read: [{ $project: { v: 1 } }], n: [{ $group: { _id: null, total: { $sum: '$v' } } }] } }]).toArray();
    expect(facets.changed.map((d: Document) => d.v)).to.deep.equal([99, 99]);
    expect(facets.read).to.deep.equal([{ _id: 1, v: 1 }, { _id: 2, v: 2 }]);
    expect(facets.n).to.deep.equal([{ _id: null, total: 3 }]);
    expect(await c.find().sort({ _id: 1 }).toArray()).to.deep.equal([{ _id: 1, v: 1 }, { _id: 2, v: 2 }]);
  });

  it('compares strings by the collation in a $match after other stages', async () => {
    const c = coll('collated_match');
    await c.insertMany([{ name: 'Alice' }, { name: 'alice' }, { name: 'Bob' }]);
    const found = await c.aggregate([{ $sort: { name: 1 } }, { $match: { name: 'ALICE' } }, { $project: { _id: 0, name: 1 } }], { collation: { locale: 'en', strength: 2 } }).toArray();
    expect(found.map((d) => d.name).sort()).to.deep.equal(['Alice', 'alice']);
    expect(await c.aggregate([{ $sort: { name: 1 } }, { $match: { name: 'ALICE' } }]).toArray()).to.deep.equal([]);
  });

  it('groups strings the collation holds equal as one key, and $addToSet keeps one of them', async () => {
    const c = coll('collated_group');
    await c.insertMany([{ name: 'Alice', team: 'A' }, { name: 'alice', team: 'a' }, { name: 'Bob', team: 'A' }]);
    const groups = await c.aggregate([{ $group: { _id: '$name', n: { $sum: 1 } } }, { $project: { _id: 0, n: 1 } }, { $sort: { n: 1 } }], { collation: { locale: 'en', strength: 2 } }).toArray();
    expect(groups).to.deep.equal([{ n: 1 }, { n: 2 }]);
    const [teams] = await c.aggregate([{ $group: { _id: null, teams: { $addToSet: '$team' } } }], { collation: { locale: 'en', strength: 2 } }).toArray();
    expect(teams.teams).to.have.length(1);
    expect(await c.aggregate([{ $group: { _id: '$name' } }]).toArray()).to.have.length(3);
  });

  it('matches a dotted path through an array of documents, and a long $in list by value', async () => {
    const c = coll('dotted');
    await c.insertMany([{ _id: 1, items: [{ sku: 'x' }, { sku: 'y' }] }, { _id: 2, items: { sku: 'x' } }, { _id: 3, items: [[{ sku: 'x' }]] }, { _id: 4, items: [{ sku: 'z' }] }, { _id: 5, n: [3, 40] }, { _id: 6, n: 12 }, { _id: 7, n: 12.5 }] as never[]);
    expect(byId(await c.find({ 'items.sku': 'x' }).toArray()).map((d) => d._id)).to.deep.equal([1, 2]);
    expect(byId(await c.find({ 'items.sku': { $in: ['y', 'z'] } }).toArray()).map((d) => d._id)).to.deep.equal([1, 4]);
    const many = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(byId(await c.find({ n: { $in: many } }).toArray()).map((d) => d._id)).to.deep.equal([5, 6]);
    expect(byId(await c.find({ _id: { $in: [...many.map((n) => n + 100), 2, 7] as never[] } }).toArray()).map((d) => d._id)).to.deep.equal([2, 7]);
  });
});
