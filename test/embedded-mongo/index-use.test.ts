// The planner, seen from inside: an indexed lookup examines only its candidates.
import { expect } from 'chai';
import { Collection } from '../../src/embedded-mongo/collection.js';
import { canonicalKey } from '../../src/embedded-mongo/values.js';

describe('embedded server: index use', () => {
  const coll = new Collection('db', 'awards');
  before(() => {
    coll.createIndex({ name: 'year_1', key: { year: 1 } });
    coll.createIndex({ name: 'partial', key: { code: 1 }, partialFilterExpression: { live: true } });
    for (let i = 0; i < 10_000; i++) coll.put({ _id: i, year: 2000 + (i % 50), code: `c${i}`, live: i % 2 === 0 });
  });

  const examined = (filter: Record<string, unknown>) => {
    const before = coll.docsExamined;
    const found = coll.find(filter).length;
    return { found, examined: coll.docsExamined - before };
  };

  it('answers _id equality from the _id map', () => {
    expect(examined({ _id: 1234 })).to.deep.equal({ found: 1, examined: 1 });
    expect(examined({ _id: { $in: [1, 2, 99_999] } })).to.deep.equal({ found: 2, examined: 2 });
  });

  it('answers equality and ranges on an indexed field without a scan', () => {
    expect(examined({ year: 2010 })).to.deep.equal({ found: 200, examined: 200 });
    expect(examined({ year: { $gte: 2048 } })).to.deep.equal({ found: 400, examined: 400 });
    expect(examined({ year: { $gt: 2001, $lt: 2003 } })).to.deep.equal({ found: 200, examined: 200 });
  });

  it('scans when no complete index applies (partial indexes do not cover every document)', () => {
    expect(examined({ code: 'c10' })).to.deep.equal({ found: 1, examined: 10_000 });
  });
});

describe('embedded server: compound index prefixes', () => {
  const coll = new Collection('db', 'owned');
  before(() => {
    coll.createIndex({ name: 'inst_status_year', key: { institution: 1, status: 1, year: 1 } });
    for (let i = 0; i < 20_000; i++) coll.put({ _id: i, institution: `H${i % 100}`, status: i % 3 ? 'VERIFIED' : 'DRAFT', year: 2016 + (i % 5) });
  });

  it('looks up equality and $in on leading fields as prefixes, examining only the matches', () => {
    const before = coll.docsExamined;
    const found = coll.find({ institution: { $in: ['H1', 'H2', 'H3'] }, status: 'VERIFIED', year: 2017 });
    const examined = coll.docsExamined - before;
    const plan = coll.lastPlan;
    // Every one found is a match, and only they were examined.
    expect(found.every((d) => ['H1', 'H2', 'H3'].includes(d.institution as string) && d.status === 'VERIFIED' && d.year === 2017)).to.equal(true);
    expect(found.length).to.equal(coll.find({}).filter((d) => ['H1', 'H2', 'H3'].includes(d.institution as string) && d.status === 'VERIFIED' && d.year === 2017).length);
    expect(examined).to.equal(found.length);
    expect(plan).to.deep.include({ stage: 'IXSCAN', keysExamined: found.length });
  });
});

describe('embedded server: ordered index walks', () => {
  const coll = new Collection('db', 'ranked');
  before(() => {
    coll.createIndex({ name: 'year_rank', key: { year: 1, rank: 1 } });
    // inserted in scrambled order, with ties on rank broken by _id
    for (let i = 0; i < 5000; i++) coll.put({ _id: (i * 7919) % 5000, year: 2016 + (i % 5), rank: `r${String((i * 31) % 100).padStart(3, '0')}`, odd: i % 2 === 1 });
  });

  const expected = (filter: (d: Record<string, unknown>) => boolean, dir: 1 | -1, n: number) =>
    [...coll.docs.values()]
      .filter(filter)
      .sort((a, b) => (String(a.rank) < String(b.rank) ? -1 : String(a.rank) > String(b.rank) ? 1 : Number(a._id) - Number(b._id)) * dir)
      .slice(0, n)
      .map((d) => d._id);

  it('returns the first page in sort order after examining only that page', () => {
    const before = coll.docsExamined;
    const page = coll.findOrdered({ year: 2018 }, { rank: 1, _id: 1 }, 50)!;
    expect(page.map((d) => d._id)).to.deep.equal(expected((d) => d.year === 2018, 1, 50));
    expect(coll.docsExamined - before).to.equal(50);
  });

  it('walks backwards for a descending sort and filters on the way', () => {
    const page = coll.findOrdered({ year: 2019, odd: true }, { rank: -1, _id: -1 }, 20)!;
    expect(page.map((d) => d._id)).to.deep.equal(expected((d) => d.year === 2019 && d.odd === true, -1, 20));
  });

  it('stays correct after updates and deletes', () => {
    const first = coll.findOrdered({ year: 2016 }, { rank: 1, _id: 1 }, 1)![0];
    coll.remove(first._id);
    coll.put({ ...coll.docs.get(canonicalKey(1))!, rank: 'a-first', year: 2016 });
    const page = coll.findOrdered({ year: 2016 }, { rank: 1, _id: 1 }, 3)!;
    expect(page[0]._id).to.equal(1);
    expect(page.map((d) => d._id)).to.not.include(first._id);
  });

  it('declines a sort the index cannot serve', () => {
    expect(coll.findOrdered({ year: 2016 }, { odd: 1 }, 10)).to.equal(undefined);
    expect(coll.findOrdered({ year: 2016 }, { rank: 1, year: -1 }, 10)).to.equal(undefined);
  });
});

describe('embedded server: choosing among indexes that serve a sort', () => {
  const coll = new Collection('db', 'choice');
  before(() => {
    coll.createIndex({ name: 'rank', key: { rank: 1 } });
    coll.createIndex({ name: 'owner_rank', key: { owner: 1, rank: 1 } });
    for (let i = 0; i < 5000; i++) coll.put({ _id: i, owner: `o${i % 500}`, rank: i });
  });

  it('walks the index with the most equality fields in front', () => {
    const before = coll.docsExamined;
    const page = coll.findOrdered({ owner: 'o7' }, { rank: 1, _id: 1 }, 5)!;
    expect(page.map((d) => d._id)).to.deep.equal([7, 507, 1007, 1507, 2007]);
    expect(coll.docsExamined - before).to.equal(5);
  });
});

describe('embedded server: keyset pages seek', () => {
  const coll = new Collection('db', 'pages');
  before(() => {
    coll.createIndex({ name: 'name', key: { name: 1 } });
    for (let i = 0; i < 5000; i++) coll.put({ _id: i, name: `n${String(i).padStart(5, '0')}` });
  });

  it('starts a later page at the cursor instead of walking from the start', () => {
    const after = { name: 'n04000', _id: 4000 };
    const filter = { $and: [{}, { name: { $gte: after.name } }, { $or: [{ name: { $gt: after.name } }, { name: after.name, _id: { $gt: after._id } }] }] };
    const before = coll.docsExamined;
    const page = coll.findOrdered(filter, { name: 1, _id: 1 }, 3)!;
    expect(page.map((d) => d._id)).to.deep.equal([4001, 4002, 4003]);
    expect(coll.docsExamined - before).to.be.at.most(4);
    const back = coll.findOrdered({ name: { $lte: 'n00010' } }, { name: -1, _id: -1 }, 2)!;
    expect(back.map((d) => d._id)).to.deep.equal([10, 9]);
  });
});

describe('embedded server: counts from an index', () => {
  const coll = new Collection('db', 'counted');
  before(() => {
    coll.createIndex({ name: 'inst_year_rank', key: { institution: 1, year: 1, rank: 1 } });
    coll.createIndex({ name: 'tags', key: { institution: 1, tags: 1 } });
    for (let i = 0; i < 5_000; i++) coll.put({ _id: i, institution: `H${i % 10}`, year: 2016 + (i % 5), rank: i, tags: i % 2 ? ['a', 'b'] : ['a'] });
  });

  it('counts scalar equalities on an index’s leading fields without examining a document', () => {
    const before = coll.docsExamined;
    expect(coll.countIndexed({ institution: 'H3', year: 2019 })).to.equal(coll.find({ institution: 'H3', year: 2019 }).length);
    expect(coll.countIndexed({ institution: { $eq: 'H3' } })).to.equal(500);
    expect(coll.docsExamined - before).to.equal(500); // the find above, not the counts
  });

  it('declines what an index cannot count exactly: ranges, other fields, multikey indexes', () => {
    expect(coll.countIndexed({ institution: 'H3', year: { $gt: 2017 } })).to.equal(undefined);
    expect(coll.countIndexed({ year: 2019 })).to.equal(undefined);
    expect(coll.countIndexed({ institution: 'H3', tags: 'a' })).to.equal(undefined);
    expect(coll.countIndexed({ institution: 'H3', year: 2019 }, { collation: { locale: 'zh' } })).to.equal(undefined);
  });
});

