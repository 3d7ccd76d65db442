// The planner, seen from inside: an indexed lookup examines only its candidates.
import { expect } from 'chai';
import { Collection } from '../../src/embedded-mongo/collection.js';

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
