// Operators case by case, driver only, so it runs unchanged on MongoDB. Each row states a
// behaviour of MongoDB 7's manual: the query operator pages and "Comparison/Sort Order"
// (type brackets: a number never equals a string, null matches missing), the update
// operator pages, and the aggregation expression operator pages.
import { expect } from 'chai';
import type { Collection } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

const PEOPLE = [
  { _id: 1, name: 'a', age: 30, tags: ['x', 'y'], score: [70, 90], addr: { city: 'sx', zip: '312000' }, active: true },
  { _id: 2, name: 'b', age: '30', tags: ['y'], score: [85], addr: { city: 'hz' }, active: false },
  { _id: 3, name: 'c', age: null, tags: [], score: [], active: true },
  { _id: 4, name: 'd', tags: ['x', 'z'], score: [60, 65], addr: { city: 'sx', zip: '312001' } },
  { _id: 5, name: 'E', age: 45.5, tags: 'x', score: 100, items: [{ k: 'p', n: 2 }, { k: 'q', n: 5 }] },
];

const QUERIES: [string, Record<string, unknown>, number[]][] = [
  ['$eq on a number does not match the string of it', { age: 30 }, [1]],
  ['$eq null matches null and missing', { age: null }, [3, 4]],
  ['$ne null matches present non-null values', { age: { $ne: null } }, [1, 2, 5]],
  ['$exists: false matches only missing', { age: { $exists: false } }, [4]],
  ['$exists: true matches null too', { age: { $exists: true } }, [1, 2, 3, 5]],
  ['$gt stays within the numeric bracket', { age: { $gt: 1 } }, [1, 5]],
  ['$lt with a string compares strings only', { age: { $lt: 'z' } }, [2]],
  ['$in mixes types, each by its bracket', { age: { $in: [30, '30'] } }, [1, 2]],
  ['$in with null matches missing', { age: { $in: [null] } }, [3, 4]],
  ['$in of a value and null matches it, null and missing', { age: { $in: [45.5, null] } }, [3, 4, 5]],
  ['$in of a value and null reaches into arrays', { tags: { $in: ['z', null] } }, [4]],
  ['$eq of a number in two fields at once', { _id: 1, age: { $eq: 30 } }, [1]],
  ['a double equals the integer of its value', { age: 30.0, active: true }, [1]],
  ['$nin excludes and keeps missing', { age: { $nin: [30, null] } }, [2, 5]],
  ['an array field matches an element', { tags: 'x' }, [1, 4, 5]],
  ['an array field matches the whole array', { tags: ['x', 'y'] }, [1]],
  ['whole-array equality is order sensitive', { tags: ['y', 'x'] }, []],
  ['an empty array matches []', { tags: [] }, [3]],
  ['$size counts elements', { tags: { $size: 2 } }, [1, 4]],
  ['$all needs every value', { tags: { $all: ['x', 'z'] } }, [4]],
  ['$elemMatch needs one element meeting all', { score: { $elemMatch: { $gte: 80, $lt: 95 } } }, [1, 2]],
  ['range conditions without $elemMatch may meet different elements', { score: { $gt: 80, $lt: 75 } }, [1]],
  ['a dotted path reaches into embedded documents', { 'addr.city': 'sx' }, [1, 4]],
  ['a dotted path through an array of documents', { 'items.k': 'q' }, [5]],
  ['$elemMatch on documents', { items: { $elemMatch: { k: 'p', n: { $gt: 1 } } } }, [5]],
  ['a numeric path segment indexes an array', { 'score.0': { $lt: 65 } }, [4]],
  ['$type number covers int and double', { age: { $type: 'number' } }, [1, 5]],
  ['$type string', { age: { $type: 'string' } }, [2]],
  ['$type null', { age: { $type: 'null' } }, [3]],
  ['$type array matches array fields', { score: { $type: 'array' } }, [1, 2, 3, 4]],
  ['$regex with options', { name: { $regex: '^e$', $options: 'i' } }, [5]],
  ['$not negates and keeps missing', { age: { $not: { $gt: 40 } } }, [1, 2, 3, 4]],
  ['$or of conditions', { $or: [{ name: 'a' }, { 'addr.city': 'hz' }] }, [1, 2]],
  ['$nor keeps documents matching none', { $nor: [{ active: true }, { active: false }] }, [4, 5]],
  ['$and of conditions on one field', { $and: [{ age: { $gte: 30 } }, { age: { $lt: 40 } }] }, [1]],
  ['$mod matches numbers only, a double truncated', { age: { $mod: [15, 0] } }, [1, 5]],
  ['$mod with a remainder', { age: { $mod: [7, 3] } }, [5]],
  ['$expr compares fields of the document', { $expr: { $gt: [{ $size: { $ifNull: [{ $cond: [{ $isArray: '$tags' }, '$tags', []] }, []] } }, 1] } }, [1, 4]],
  ['equality to an embedded document is exact', { addr: { city: 'hz' } }, [2]],
  ['equality to an embedded document needs every field', { addr: { city: 'sx' } }, []],
];

const UPDATES: [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
  ['$set creates embedded paths', { a: 1 }, { $set: { 'b.c.d': 2 } }, { a: 1, b: { c: { d: 2 } } }],
  ['$unset removes a field', { a: 1, b: 2 }, { $unset: { b: '' } }, { a: 1 }],
  ['$inc creates a missing field', { a: 1 }, { $inc: { n: 5 } }, { a: 1, n: 5 }],
  ['$mul of a missing field sets 0', { a: 1 }, { $mul: { n: 5 } }, { a: 1, n: 0 }],
  ['$min keeps the smaller', { a: 5 }, { $min: { a: 3 } }, { a: 3 }],
  ['$max keeps the larger', { a: 5 }, { $max: { a: 3 } }, { a: 5 }],
  ['$rename moves a field', { a: 1, b: 2 }, { $rename: { b: 'c' } }, { a: 1, c: 2 }],
  ['$push appends', { l: [1] }, { $push: { l: 2 } }, { l: [1, 2] }],
  ['$push $each with $position', { l: [1, 4] }, { $push: { l: { $each: [2, 3], $position: 1 } } }, { l: [1, 2, 3, 4] }],
  ['$push $each with $sort and $slice', { l: [5, 1] }, { $push: { l: { $each: [3], $sort: 1, $slice: 2 } } }, { l: [1, 3] }],
  ['$push creates a missing array', { a: 1 }, { $push: { l: 'x' } }, { a: 1, l: ['x'] }],
  ['$addToSet skips a present value', { l: [1, 2] }, { $addToSet: { l: 2 } }, { l: [1, 2] }],
  ['$addToSet $each adds the absent ones', { l: [1] }, { $addToSet: { l: { $each: [1, 2, 2] } } }, { l: [1, 2] }],
  ['$pop 1 removes the last', { l: [1, 2, 3] }, { $pop: { l: 1 } }, { l: [1, 2] }],
  ['$pop -1 removes the first', { l: [1, 2, 3] }, { $pop: { l: -1 } }, { l: [2, 3] }],
  ['$pull by value', { l: [1, 2, 1] }, { $pull: { l: 1 } }, { l: [2] }],
  ['$pull by condition', { l: [1, 5, 9] }, { $pull: { l: { $gte: 5 } } }, { l: [1] }],
  ['$pullAll', { l: [1, 2, 3, 2] }, { $pullAll: { l: [2, 3] } }, { l: [1] }],
  ['$set of an array element by index', { l: [1, 2] }, { $set: { 'l.1': 9 } }, { l: [1, 9] }],
  ['$set past an array end pads with null', { l: [1] }, { $set: { 'l.2': 3 } }, { l: [1, null, 3] }],
  ['$[] updates every element', { l: [1, 2] }, { $inc: { 'l.$[]': 10 } }, { l: [11, 12] }],
  ['$currentDate is not tested here; $setOnInsert does nothing on update', { a: 1 }, { $setOnInsert: { b: 1 }, $set: { c: 1 } }, { a: 1, c: 1 }],
];

const EXPRESSIONS: [string, unknown, unknown][] = [
  ['$concat', { $concat: ['a', '-', 'b'] }, 'a-b'],
  ['$concat with null is null', { $concat: ['a', null] }, null],
  ['$substrCP counts code points', { $substrCP: ['绍兴市中医院', 2, 1] }, '市'],
  ['$strLenCP', { $strLenCP: '中医院' }, 3],
  ['$toUpper', { $toUpper: 'ab' }, 'AB'],
  ['$split', { $split: ['a,b', ','] }, ['a', 'b']],
  ['$trim', { $trim: { input: '  a ' } }, 'a'],
  ['$indexOfCP', { $indexOfCP: ['中医院', '院'] }, 2],
  ['$indexOfCP from a start, and absent', { $indexOfCP: ['ababab', 'b', 2] }, 3],
  ['$indexOfCP of nothing found', { $indexOfCP: ['abc', 'z'] }, -1],
  ['$add of numbers', { $add: [1, 2.5] }, 3.5],
  ['$subtract of dates is milliseconds', { $subtract: [new Date(2000), new Date(500)] }, 1500],
  ['$divide', { $divide: [7, 2] }, 3.5],
  ['$mod', { $mod: [7, 3] }, 1],
  ['$round to places', { $round: [2.346, 2] }, 2.35],
  ['$round half to even', { $round: [12.5, 0] }, 12],
  ['$round to tens', { $round: [1234.5, -1] }, 1230],
  ['$trunc', { $trunc: [2.789, 1] }, 2.7],
  ['$abs', { $abs: -3 }, 3],
  ['$cond', { $cond: [{ $gt: [2, 1] }, 'yes', 'no'] }, 'yes'],
  ['$ifNull', { $ifNull: [null, 'fallback'] }, 'fallback'],
  ['$switch', { $switch: { branches: [{ case: { $eq: [1, 2] }, then: 'a' }, { case: true, then: 'b' }], default: 'c' } }, 'b'],
  ['$in', { $in: [2, [1, 2, 3]] }, true],
  ['$arrayElemAt negative', { $arrayElemAt: [[1, 2, 3], -1] }, 3],
  ['$slice', { $slice: [[1, 2, 3, 4], 1, 2] }, [2, 3]],
  ['$reverseArray of an argument list', { $reverseArray: [[1, 2]] }, [2, 1]],
  ['$reverseArray of a literal', { $reverseArray: { $literal: [1, 2] } }, [2, 1]],
  ['$filter', { $filter: { input: [1, 2, 3, 4], cond: { $gt: ['$$this', 2] } } }, [3, 4]],
  ['$map', { $map: { input: [1, 2], in: { $multiply: ['$$this', 10] } } }, [10, 20]],
  ['$reduce', { $reduce: { input: [1, 2, 3], initialValue: 0, in: { $add: ['$$value', '$$this'] } } }, 6],
  ['$setUnion', { $setUnion: [[1, 2], [2, 3]] }, [1, 2, 3]],
  ['$size of an argument list', { $size: [[1, 2, 3]] }, 3],
  ['$size of a field', { $size: '$tags' }, 2],
  ['$cmp across brackets: a number is below a string', { $cmp: [5, 'a'] }, -1],
  ['$eq compares without type conversion', { $eq: [1, '1'] }, false],
  ['$year', { $year: new Date('2020-12-31T23:00:00Z') }, 2020],
  ['$year in a time zone', { $year: { date: new Date('2020-12-31T23:00:00Z'), timezone: 'Asia/Shanghai' } }, 2021],
  ['$dateToString', { $dateToString: { date: new Date('2020-05-01T00:00:00Z'), format: '%Y-%m-%d' } }, '2020-05-01'],
  ['$toInt of a string', { $toInt: '42' }, 42],
  ['$toString of a number', { $toString: 7 }, '7'],
  ['$literal keeps a $ string', { $literal: '$notAField' }, '$notAField'],
  ['$mergeObjects', { $mergeObjects: [{ a: 1 }, { b: 2 }, { a: 3 }] }, { a: 3, b: 2 }],
  ['$objectToArray', { $objectToArray: { a: 1 } }, [{ k: 'a', v: 1 }]],
];

const SALES = [
  { _id: 1, dept: 'A', qty: 2, price: 10, day: new Date('2020-01-05T00:00:00Z') },
  { _id: 2, dept: 'A', qty: 5, price: 20, day: new Date('2020-02-10T00:00:00Z') },
  { _id: 3, dept: 'B', qty: 1, price: 30, day: new Date('2020-02-11T00:00:00Z') },
  { _id: 4, dept: 'B', qty: null, price: 40, day: new Date('2021-03-01T00:00:00Z') },
  { _id: 5, dept: 'C', price: 50, day: new Date('2021-03-02T00:00:00Z') },
];

const PIPELINES: [string, Record<string, unknown>[], unknown[]][] = [
  ['$group $sum ignores null and missing', [{ $group: { _id: '$dept', q: { $sum: '$qty' } } }, { $sort: { _id: 1 } }], [{ _id: 'A', q: 7 }, { _id: 'B', q: 1 }, { _id: 'C', q: 0 }]],
  ['$group $avg ignores non-numbers, null when none', [{ $group: { _id: '$dept', a: { $avg: '$qty' } } }, { $sort: { _id: 1 } }], [{ _id: 'A', a: 3.5 }, { _id: 'B', a: 1 }, { _id: 'C', a: null }]],
  ['$group $min and $max skip null and missing', [{ $group: { _id: null, lo: { $min: '$qty' }, hi: { $max: '$qty' } } }], [{ _id: null, lo: 1, hi: 5 }]],
  ['$group $push and $addToSet', [{ $sort: { _id: 1 } }, { $group: { _id: '$dept', ids: { $push: '$_id' }, set: { $addToSet: '$dept' } } }, { $sort: { _id: 1 } }, { $limit: 1 }], [{ _id: 'A', ids: [1, 2], set: ['A'] }]],
  ['$group $first and $last follow the input order', [{ $sort: { _id: -1 } }, { $group: { _id: '$dept', f: { $first: '$_id' }, l: { $last: '$_id' } } }, { $sort: { _id: 1 } }], [{ _id: 'A', f: 2, l: 1 }, { _id: 'B', f: 4, l: 3 }, { _id: 'C', f: 5, l: 5 }]],
  ['$group by a computed key', [{ $group: { _id: { $year: '$day' }, n: { $sum: 1 } } }, { $sort: { _id: 1 } }], [{ _id: 2020, n: 3 }, { _id: 2021, n: 2 }]],
  ['$group $count accumulator', [{ $group: { _id: '$dept', n: { $count: {} } } }, { $sort: { n: -1, _id: 1 } }, { $limit: 1 }], [{ _id: 'A', n: 2 }]],
  ['$project computes, $sort orders by it', [{ $project: { v: { $multiply: ['$price', 2] } } }, { $sort: { v: -1 } }, { $limit: 2 }], [{ _id: 5, v: 100 }, { _id: 4, v: 80 }]],
  ['$addFields keeps the other fields', [{ $match: { _id: 1 } }, { $addFields: { total: { $multiply: ['$qty', '$price'] } } }, { $project: { _id: 0, dept: 1, total: 1 } }], [{ dept: 'A', total: 20 }]],
  ['$unset stage removes fields', [{ $match: { _id: 1 } }, { $unset: ['day', 'price', 'qty'] }], [{ _id: 1, dept: 'A' }]],
  ['$skip and $limit', [{ $sort: { _id: 1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 1 } }], [{ _id: 2 }, { _id: 3 }]],
  ['$sortByCount', [{ $sortByCount: '$dept' }, { $limit: 2 }, { $sort: { _id: 1 } }], [{ _id: 'A', count: 2 }, { _id: 'B', count: 2 }]],
  ['$bucket with a default', [{ $bucket: { groupBy: '$price', boundaries: [0, 25, 45], default: 'other', output: { n: { $sum: 1 } } } }], [{ _id: 0, n: 2 }, { _id: 25, n: 2 }, { _id: 'other', n: 1 }]],
  ['$unwind skips empty and missing by default', [{ $project: { l: { $cond: [{ $eq: ['$dept', 'A'] }, ['x', 'y'], []] } } }, { $unwind: '$l' }, { $project: { _id: 0, l: 1 } }], [{ l: 'x' }, { l: 'y' }, { l: 'x' }, { l: 'y' }]],
  ['$unwind preserving empty, with an index', [{ $match: { _id: { $in: [1, 3] } } }, { $project: { l: { $cond: [{ $eq: ['$dept', 'A'] }, ['x'], []] } } }, { $unwind: { path: '$l', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } }, { $sort: { _id: 1 } }], [{ _id: 1, l: 'x', i: 0 }, { _id: 3, i: null }]],
  ['$replaceRoot', [{ $match: { _id: 1 } }, { $replaceRoot: { newRoot: { d: '$dept', q: '$qty' } } }], [{ d: 'A', q: 2 }]],
  ['$facet runs pipelines side by side', [{ $facet: { n: [{ $count: 'c' }], top: [{ $sort: { price: -1 } }, { $limit: 1 }, { $project: { _id: 1 } }] } }], [{ n: [{ c: 5 }], top: [{ _id: 5 }] }]],
  ['$lookup joins by field', [{ $match: { _id: 1 } }, { $lookup: { from: 'depts', localField: 'dept', foreignField: 'code', as: 'd' } }, { $project: { _id: 0, name: { $arrayElemAt: ['$d.name', 0] } } }], [{ name: '急诊科' }]],
  ['$lookup with no match gives []', [{ $match: { _id: 5 } }, { $lookup: { from: 'depts', localField: 'dept', foreignField: 'code', as: 'd' } }, { $project: { _id: 0, d: 1 } }], [{ d: [] }]],
  ['$count after $match', [{ $match: { price: { $gte: 30 } } }, { $count: 'n' }], [{ n: 3 }]],
  ['$setWindowFields running total', [{ $match: { dept: 'A' } }, { $setWindowFields: { partitionBy: '$dept', sortBy: { _id: 1 }, output: { run: { $sum: '$qty', window: { documents: ['unbounded', 'current'] } } } } }, { $project: { _id: 1, run: 1 } }], [{ _id: 1, run: 2 }, { _id: 2, run: 7 }]],
];

describe('conformance: operators case by case', () => {
  let t: TestDb;
  let people: Collection;
  before(async () => {
    t = await openTestDb('operators');
    people = t.db.collection('people');
    await people.insertMany(PEOPLE.map((p) => ({ ...p })) as never[]);
  });
  after(() => t.close());

  describe('query operators and type brackets', () => {
    for (const [name, filter, ids] of QUERIES) {
      it(name, async () => {
        expect((await people.find(filter, { projection: { _id: 1 }, sort: { _id: 1 } }).toArray()).map((d) => d._id)).to.deep.equal(ids);
      });
    }
  });

  describe('update operators', () => {
    UPDATES.forEach(([name, before, update, after], i) => {
      it(name, async () => {
        const coll = t.db.collection(`update_${i}`);
        await coll.insertOne({ _id: 1 as never, ...before });
        await coll.updateOne({ _id: 1 as never }, update);
        expect(await coll.findOne({ _id: 1 as never }, { projection: { _id: 0 } })).to.deep.equal(after);
      });
    });
  });

  describe('aggregation stages and accumulators', () => {
    let sales: Collection;
    before(async () => {
      sales = t.db.collection('sales');
      await sales.insertMany(SALES.map((d) => ({ ...d })) as never[]);
      await t.db.collection('depts').insertMany([{ code: 'A', name: '急诊科' }, { code: 'B', name: '儿科' }]);
    });
    for (const [name, pipeline, expected] of PIPELINES) {
      it(name, async () => {
        expect(await sales.aggregate(pipeline).toArray()).to.deep.equal(expected);
      });
    }
  });

  describe('aggregation expressions', () => {
    for (const [name, expression, value] of EXPRESSIONS) {
      it(name, async () => {
        const [row] = await people.aggregate([{ $match: { _id: 1 } }, { $project: { _id: 0, v: expression } }]).toArray();
        expect(row.v).to.deep.equal(value);
      });
    }
  });
});
