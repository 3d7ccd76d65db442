// Behaviours where the store once answered differently from MongoDB 7 without an error.
// Driver only, so it runs unchanged on MongoDB. Expected answers from MongoDB's manual:
// update operator pages ($inc, $push, $set: "Behavior"), "Update Operators: conflicting
// paths", $count ("if the input is empty, $count returns no document"), projection
// ("Projection Restrictions", $slice), cursor.sort() ($natural), cursor.hint(), $all
// ("equivalent to an $and of equalities"), "Query an Array" (array sort order) and
// "Embedded Document equality" (field order matters).
import { expect } from 'chai';
import { Binary, DBRef, Decimal128, Double, Long, ObjectId, type Collection } from 'mongodb';
import { openTestDb, serverFailure, type TestDb } from '../helpers/mongo.js';

const failure = serverFailure;

describe('conformance: answers as MongoDB gives them', () => {
  let t: TestDb;
  let coll: Collection;
  beforeEach(async () => {
    t = await openTestDb('answers');
    coll = t.db.collection('x');
    await coll.insertMany([
      { _id: 1 as never, s: 'str', a: 1, arr: [1, 2, 3, 4], o: { a: 1, b: 2 }, t: 'a' },
      { _id: 2 as never, v: [3, 9] },
    ]);
  });
  afterEach(() => t.close());

  describe('update operators refuse what MongoDB refuses, changing nothing', () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['$inc on a string', { $inc: { s: 1 } }, 14],
      ['$inc by a string', { $inc: { a: 'one' } }, 14],
      ['$mul on a string', { $mul: { s: 2 } }, 14],
      ['$push onto a string', { $push: { s: 1 } }, 2],
      ['$addToSet onto a number', { $addToSet: { a: 1 } }, 2],
      ['$set through a scalar', { $set: { 'a.b': 1 } }, 28],
      ['$set and $unset of one path', { $set: { q: 1 }, $unset: { q: '' } }, 40],
      ['$set of a path and its parent', { $set: { 'o.a': 5 }, $inc: { o: 1 } }, 40],
    ];
    for (const [name, update, code] of cases) {
      it(name, async () => {
        const before = await coll.findOne({ _id: 1 as never });
        expect((await failure(coll.updateOne({ _id: 1 as never }, update))).code).to.equal(code);
        expect(await coll.findOne({ _id: 1 as never })).to.deep.equal(before);
      });
    }
    it('$set and $setOnInsert of one path conflict, even when not inserting', async () => {
      expect((await failure(coll.updateOne({ _id: 1 as never }, { $set: { q: 1 }, $setOnInsert: { q: 2 } }, { upsert: true }))).code).to.equal(40);
    });
    it('allows $set of _id to the value it has', async () => {
      const res = await coll.updateOne({ _id: 1 as never }, { $set: { _id: 1 as never, z: 1 } });
      expect(res.modifiedCount).to.equal(1);
      expect((await failure(coll.updateOne({ _id: 1 as never }, { $set: { _id: 7 as never } }))).code).to.equal(66);
    });
  });

  it('$count of nothing is no document, in $facet too', async () => {
    expect(await coll.aggregate([{ $match: { nope: 1 } }, { $count: 'n' }]).toArray()).to.deep.equal([]);
    expect(await coll.aggregate([{ $facet: { c: [{ $match: { nope: 1 } }, { $count: 'n' }] } }]).toArray()).to.deep.equal([{ c: [] }]);
    expect(await coll.aggregate([{ $count: 'n' }]).toArray()).to.deep.equal([{ n: 2 }]);
  });

  it('projects $slice alone keeping every other field, and refuses mixed inclusion and exclusion', async () => {
    expect(await coll.findOne({ _id: 1 as never }, { projection: { arr: { $slice: 2 } } })).to.deep.equal({ _id: 1, s: 'str', a: 1, arr: [1, 2], o: { a: 1, b: 2 }, t: 'a' });
    expect((await coll.findOne({ _id: 1 as never }, { projection: { arr: { $slice: [-2, 1] } } }))!.arr).to.deep.equal([3]);
    expect((await failure(coll.find({}, { projection: { a: 1, s: 0 } }).toArray())).code).to.equal(31254);
    expect((await failure(coll.find({}, { projection: { s: 0, a: 1 } }).toArray())).code).to.equal(31253);
    expect(Object.keys((await coll.findOne({ _id: 1 as never }, { projection: { s: 1, _id: 1 } }))!)).to.deep.equal(['_id', 's']);
  });

  it('sorts by $natural: -1 in reverse insertion order, and refuses a hint naming no index', async () => {
    expect((await coll.find({}, { sort: { $natural: -1 } }).toArray()).map((d) => d._id)).to.deep.equal([2, 1]);
    expect((await failure(coll.find({}, { hint: 'nope_1' }).toArray())).code).to.equal(2);
    await coll.createIndex({ a: 1 });
    expect(await coll.find({}, { hint: 'a_1' }).toArray()).to.have.length(2);
    expect(await coll.find({}, { hint: { a: 1 } }).toArray()).to.have.length(2);
  });

  it('names an unknown stage as MongoDB does', async () => {
    const e = await failure(coll.aggregate([{ $nope: {} }]).toArray());
    expect(e.code).to.equal(40324);
    expect(e.message).to.equal("Unrecognized pipeline stage name: '$nope'");
  });

  it('matches $all against a plain value, and compares embedded documents field order and all', async () => {
    expect((await coll.find({ t: { $all: ['a'] } }).toArray()).map((d) => d._id)).to.deep.equal([1]);
    expect(await coll.find({ t: { $all: [] } }).toArray()).to.deep.equal([]);
    expect((await coll.find({ o: { a: 1, b: 2 } }).toArray()).map((d) => d._id)).to.deep.equal([1]);
    expect(await coll.find({ o: { b: 2, a: 1 } }).toArray()).to.deep.equal([]);
  });

  it('sorts arrays by their smallest element ascending, with or without an index on them', async () => {
    const y = t.db.collection('y');
    await y.insertMany([{ _id: 1 as never, v: [10, 1] }, { _id: 2 as never, v: [6] }, { _id: 3 as never, v: [7, 20] }]);
    const ids = async () => (await y.find({ v: { $gt: 5 } }).sort({ v: 1 }).toArray()).map((d) => d._id);
    const without = await ids();
    await y.createIndex({ v: 1 });
    expect(await ids()).to.deep.equal(without);
    expect(without).to.deep.equal([1, 2, 3]);
  });

  it('takes ICU locale ids (en_US, de@collation=phonebook) and refuses unknown ones with 2', async () => {
    const names = t.db.collection('names');
    await names.insertMany([{ n: 'b' }, { n: 'A' }, { n: 'a' }, { n: 'B' }]);
    const sorted = await names.find({}, { projection: { _id: 0 }, sort: { n: 1 }, collation: { locale: 'en_US' } }).toArray();
    expect(sorted.map((d) => d.n)).to.deep.equal(['a', 'A', 'b', 'B']);
    expect(await names.find({}, { collation: { locale: 'de@collation=phonebook' } }).toArray()).to.have.length(4);
    expect((await failure(names.find({}, { collation: { locale: 'xx_YY' } }).toArray())).code).to.equal(2);
  });

  it('gives the same first k of an unindexed sort with a limit as of the full sort', async () => {
    const many = t.db.collection('many');
    await many.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i as never, k: (i * 7919) % 97, tag: i % 3 === 0 ? null : `t${i % 5}` })));
    const full = (await many.find({}, { sort: { k: -1, tag: 1 } }).toArray()).map((d) => d._id);
    const limited = (await many.find({}, { sort: { k: -1, tag: 1 }, skip: 3, limit: 10 }).toArray()).map((d) => d._id);
    expect(limited).to.deep.equal(full.slice(3, 13));
  });

  it('pulls array elements matching an $or query, and finds binData by $type', async () => {
    const c = t.db.collection('pull');
    await c.insertOne({ _id: 1 as never, comments: [{ title: 'a' }, { title: 'b' }, { title: 'c' }], v: [1, 5, 9], b: new (await import('mongodb')).Binary(Buffer.from('ab')) });
    const res = await c.updateOne({ _id: 1 as never }, { $pull: { comments: { $or: [{ title: 'a' }, { title: 'b' }] } } as never });
    expect(res.modifiedCount).to.equal(1);
    await c.updateOne({ _id: 1 as never }, { $pull: { v: { $gte: 5 } } as never });
    const doc = await c.findOne({ _id: 1 as never });
    expect(doc!.comments).to.deep.equal([{ title: 'c' }]);
    expect(doc!.v).to.deep.equal([1]);
    expect(await c.countDocuments({ b: { $type: 'binData' } })).to.equal(1);
    expect(await c.countDocuments({ b: { $type: 5 } })).to.equal(1);
  });

  it('orders strings by UTF-8 bytes, BinData by length first, documents by field name before value', async () => {
    const c = t.db.collection('order');
    const { Binary } = await import('mongodb');
    await c.insertMany([
      { _id: 1 as never, s: '\u{1F600}', b: new Binary(Buffer.from([1, 2])), d: { b: 0 } },
      { _id: 2 as never, s: '\uFF5E', b: new Binary(Buffer.from([9])), d: { a: 5 } },
    ]);
    const ids = async (sort: Record<string, 1>) => (await c.find({}, { sort }).toArray()).map((d) => d._id);
    expect(await ids({ s: 1 })).to.deep.equal([2, 1]); // U+FF5E sorts before U+1F600
    expect(await ids({ b: 1 })).to.deep.equal([2, 1]); // one byte before two
    expect(await ids({ d: 1 })).to.deep.equal([2, 1]); // {a: 5} before {b: 0}
  });

  it('updates sibling paths under one positional operator on the element the query matched', async () => {
    const c = t.db.collection('pos');
    await c.insertOne({ _id: 1 as never, comments: [{ title: 'x', votes: 0 }, { title: 'y', votes: 0 }], tags: ['a', 'b'] });
    await c.updateOne({ _id: 1 as never, 'comments.title': 'y' }, { $set: { 'comments.$.title': 'z', 'comments.$.flag': true }, $inc: { 'comments.$.votes': 2 } });
    await c.updateOne({ _id: 1 as never, tags: 'b' }, { $set: { 'tags.$': 'B' } });
    await c.updateOne({ comments: { $elemMatch: { title: 'x' } } }, { $set: { 'comments.$.votes': 7 } });
    const doc = await c.findOne({ _id: 1 as never });
    expect(doc!.comments).to.deep.equal([{ title: 'x', votes: 7 }, { title: 'z', votes: 2, flag: true }]);
    expect(doc!.tags).to.deep.equal(['a', 'B']);
    expect((await failure(c.updateOne({ _id: 1 as never }, { $set: { 'comments.$.title': 'q' } }))).code).to.equal(2);
  });

  it('adds months clamping to the month end, and reads a zoneless date string in the given time zone', async () => {
    const c = t.db.collection('dates');
    await c.insertOne({ _id: 1 as never, t: new Date('2024-01-31T12:00:00Z'), s: '2024-03-10 08:00' });
    const [r] = await c
      .aggregate([
        {
          $project: {
            _id: 0,
            plusMonth: { $dateAdd: { startDate: '$t', unit: 'month', amount: 1 } },
            minusQuarter: { $dateSubtract: { startDate: new Date('2024-05-31T00:00:00Z'), unit: 'quarter', amount: 1 } },
            parsed: { $dateFromString: { dateString: '$s', timezone: 'Asia/Shanghai' } },
            offset: { $dateFromString: { dateString: '$s', timezone: '+05:30' } },
            truncated: { $dateTrunc: { date: new Date('2024-03-01T02:00:00Z'), unit: 'month', timezone: 'Asia/Shanghai' } },
          },
        },
      ])
      .toArray();
    expect(r).to.deep.equal({
      plusMonth: new Date('2024-02-29T12:00:00Z'),
      minusQuarter: new Date('2024-02-29T00:00:00Z'),
      parsed: new Date('2024-03-10T00:00:00Z'),
      offset: new Date('2024-03-10T02:30:00Z'),
      truncated: new Date('2024-02-29T16:00:00Z'),
    });
  });

  // "Query on Embedded/Nested Documents" and "$in": an _id list beside other conditions
  // matches documents meeting all of them; 1 and 1.0 are the same number.
  it('matches an _id list beside other conditions by both', async () => {
    await coll.insertMany([{ _id: 3 as never, t: 'a' }, { _id: 'x' as never, t: 'a' }]);
    const found = await coll.find({ _id: { $in: [1.0, 2, 3, 'x', 'missing'] as never[] }, t: 'a' }).sort({ _id: 1 }).toArray();
    expect(found.map((d) => d._id)).to.deep.equal([1, 3, 'x']);
    expect(await coll.countDocuments({ _id: { $in: [2, 3] as never[] }, t: { $ne: 'a' } })).to.equal(1);
    expect(await coll.find({ _id: 1 as never, t: 'b' }).toArray()).to.deep.equal([]);
  });
  // "Query an Array" (an array field matches a value it holds) and "Comparison/Sort Order"
  // (equality is within a type bracket: numbers of any type alike, a string is not a number).
  it('matches plain equalities within the type bracket, and an array holding the value', async () => {
    const day = new Date('2020-05-01T00:00:00Z');
    const id = new ObjectId();
    await coll.insertMany([
      { _id: 10 as never, k: 5, tag: ['x', 'y'], on: day, ref: id, yes: true },
      { _id: 11 as never, k: '5', tag: 'x', on: new Date(day.getTime() + 1), yes: false },
      { _id: 12 as never, k: new Double(5), tag: [['x']], nested: { k: 5 } },
      { _id: 13 as never, k: Long.fromNumber(5), tag: [] },
    ]);
    const ids = async (filter: Record<string, unknown>) => (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ k: 5 })).to.deep.equal([10, 12, 13]);
    expect(await ids({ k: '5' })).to.deep.equal([11]);
    expect(await ids({ tag: 'x' })).to.deep.equal([10, 11]);
    expect(await ids({ on: day, yes: true })).to.deep.equal([10]);
    expect(await ids({ ref: id })).to.deep.equal([10]);
    expect(await ids({ yes: false, k: '5' })).to.deep.equal([11]);
    expect(await ids({ k: 5, yes: false })).to.deep.equal([]);
    expect(await ids({ 'nested.k': 5 })).to.deep.equal([12]);
  });
  // countDocuments is "an aggregation of $match then $group counting" (its driver page): the
  // same answer with or without an index, arrays and missing fields included.
  it('counts the same with an index as without one', async () => {
    const docs = [{ g: 'a', y: 1 }, { g: 'a', y: 1.0 }, { g: 'a', y: '1' }, { g: 'a' }, { g: 'b', y: 1 }, { g: 'a', y: [1, 2] }, { g: ['a', 'c'], y: 1 }];
    // With arrays (a multikey index) and without.
    for (const [name, set] of [['multikey', docs], ['flat', docs.filter((d) => !Object.values(d).some(Array.isArray))]] as const) {
      const plain = t.db.collection(`${name}_plain`);
      const indexed = t.db.collection(`${name}_indexed`);
      await plain.insertMany(set.map((d) => ({ ...d })));
      await indexed.insertMany(set.map((d) => ({ ...d })));
      await indexed.createIndex({ g: 1, y: 1 });
      for (const filter of [{ g: 'a' }, { g: 'a', y: 1 }, { g: 'c' }, { g: 'z' }, { y: 1 }, {}, { g: { $eq: 'a' }, y: '1' }]) {
        expect(await indexed.countDocuments(filter), `${name} ${JSON.stringify(filter)}`).to.equal(await plain.countDocuments(filter));
      }
      expect(await indexed.countDocuments({ g: 'a', y: 1 })).to.equal(name === 'flat' ? 2 : 4);
    }
  });
  // "Collation": a query's collation governs its string comparisons, equality and ranges
  // included (strength 2 ignores case; zh orders by pinyin: 李 li < 王 wang < 张 zhang).
  it('compares strings by the collation in equality, ranges, $in, $ne and $or', async () => {
    const people = t.db.collection('people');
    await people.insertMany([{ n: '王', e: 'A@X.cn' }, { n: '李', e: 'b@x.cn' }, { n: '张', e: 'c@x.cn', tags: ['Lead'] }, { n: 1, e: 5 }]);
    const ci = { collation: { locale: 'en', strength: 2 } };
    const zh = { collation: { locale: 'zh' } };
    const names = async (filter: Record<string, unknown>, o: object) => (await people.find(filter, { ...o, sort: { n: 1 } } as never).toArray()).map((d) => d.n);
    expect(await people.countDocuments({ e: 'a@x.cn' }, ci)).to.equal(1);
    expect(await people.countDocuments({ e: 'a@x.cn' })).to.equal(0);
    expect(await names({ e: { $in: ['A@x.CN', 'C@X.CN'] } }, ci)).to.deep.equal(['张', '王']); // en orders Han by code point
    expect(await names({ e: { $ne: 'B@X.CN' } }, ci)).to.have.length(3);
    expect(await names({ tags: 'lead' }, ci)).to.deep.equal(['张']);
    expect(await names({ n: { $lt: '王' } }, zh)).to.deep.equal(['李']);
    expect(await names({ n: { $gte: '王' } }, zh)).to.deep.equal(['王', '张']);
    expect(await names({ $or: [{ n: { $gt: '王' } }, { e: 'B@X.CN' }] }, { collation: { locale: 'zh', strength: 2 } })).to.deep.equal(['李', '张']);
    expect((await people.aggregate([{ $match: { n: { $lt: '张' } } }, { $count: 'c' }], zh).toArray())[0].c).to.equal(2);
  });
  // "listCollections": each collection's info carries its UUID (BinData subtype 4).
  it('lists a collection with its UUID', async () => {
    const [info] = await t.db.listCollections({ name: 'x' }).toArray();
    const uuid = (info as { info: { uuid: Binary } }).info.uuid;
    expect(uuid).to.be.instanceOf(Binary);
    expect(uuid.sub_type).to.equal(4);
    expect(uuid.buffer.length).to.equal(16);
  });
  // "$inc" and "$mul" with Decimal128 ("Decimal128 arithmetic is exact"); a double converts to
  // a decimal with 15 significant digits; a missing field takes the operand ($inc) or 0 ($mul).
  it('adds and multiplies Decimal128 values exactly, in updateMany too', async () => {
    const money = t.db.collection('money');
    await money.insertMany([{ _id: 1 as never, m: Decimal128.fromString('0.1') }, { _id: 2 as never, m: Decimal128.fromString('1.5') }, { _id: 3 as never }]);
    await money.updateMany({}, { $inc: { m: Decimal128.fromString('0.2') } });
    const values = async () => (await money.find({}, { sort: { _id: 1 } }).toArray()).map((d) => String(d.m));
    expect(await values()).to.deep.equal(['0.3', '1.7', '0.2']);
    await money.updateOne({ _id: 2 as never }, { $mul: { m: 2 } });
    await money.updateOne({ _id: 1 as never }, { $inc: { m: 2.5 } });
    expect(await values()).to.deep.equal(['2.80000000000000', '3.4', '0.2']);
    await money.updateOne({ _id: 3 as never }, { $mul: { z: Decimal128.fromString('3') } });
    expect(String((await money.findOne({ _id: 3 as never }))!.z)).to.equal('0');
    expect(await money.countDocuments({ m: { $gt: 1 } })).to.equal(2);
    // "$add", "$subtract", "$multiply", "$sum": a Decimal128 among the numbers gives an exact decimal.
    const [row] = await money.aggregate([{ $match: { _id: 2 } }, { $project: { _id: 0, a: { $add: ['$m', 1, 0.5] }, s: { $subtract: ['$m', Decimal128.fromString('0.4')] }, p: { $multiply: ['$m', Decimal128.fromString('0.5')] } } }]).toArray();
    expect([row.a, row.s, row.p].map(String)).to.deep.equal(['4.900000000000000', '3.0', '1.70']);
    const [total] = await money.aggregate([{ $group: { _id: null, sum: { $sum: '$m' }, n: { $sum: 1 } } }]).toArray();
    expect([String(total.sum), total.n]).to.deep.equal(['6.40000000000000', 3]);
    // "$avg", "$divide", "$mod": a Decimal128 among the numbers gives a decimal, an inexact
    // quotient to 34 digits, an exact one at the operands' exponent; a zero divisor is an error.
    const [mean] = await money.aggregate([{ $group: { _id: null, avg: { $avg: '$m' } } }]).toArray();
    expect(String(mean.avg)).to.equal('2.133333333333333333333333333333333');
    const [byExpression] = await money.aggregate([{ $group: { _id: { $literal: 1 }, avg: { $avg: '$m' }, sum: { $sum: '$m' } } }]).toArray();
    expect([String(byExpression.avg), String(byExpression.sum)]).to.deep.equal(['2.133333333333333333333333333333333', '6.40000000000000']);
    const [q] = await money.aggregate([{ $match: { _id: 2 } }, { $project: { _id: 0, half: { $divide: ['$m', 2] }, rest: { $mod: ['$m', 1] } } }]).toArray();
    expect([String(q.half), String(q.rest)]).to.deep.equal(['1.7', '0.4']);
    const byZero = await serverFailure(money.aggregate([{ $project: { q: { $divide: ['$m', 0] } } }]).toArray());
    expect([byZero.code, byZero.message]).to.deep.equal([2, "can't $divide by zero"]);
    expect((await serverFailure(money.aggregate([{ $match: { _id: 2 } }, { $project: { q: { $mod: ['$m', 0] } } }]).toArray())).code).to.equal(16610);
  });
  // mongod's command parser (IDL): a field of the wrong type is refused with 14, naming it.
  it('refuses command fields of the wrong type with TypeMismatch', async () => {
    const db = t.db;
    await db.collection('typed').insertOne({ a: 1 });
    const cases: [object, string][] = [
      [{ find: 'typed', sort: 'a' }, "BSON field 'find.sort' is the wrong type 'string', expected type 'object'"],
      [{ count: 'typed', query: 'a' }, "BSON field 'count.query' is the wrong type 'string', expected type 'object'"],
      [{ findAndModify: 'typed', query: 5, remove: true }, "BSON field 'findAndModify.query' is the wrong type 'int', expected type 'object'"],
      [{ killCursors: 'typed', cursors: 5 }, "BSON field 'killCursors.cursors' is the wrong type 'int', expected type 'array'"],
    ];
    for (const [command, message] of cases) {
      const e = await serverFailure(db.command(command as never));
      expect([e.code, e.message], JSON.stringify(command)).to.deep.equal([14, message]);
    }
  });
  // "Database References": a DBRef's $ref and $id are queried as fields; "Update operators":
  // an empty field name in a path is 56, and a $rename onto _id modifies the immutable _id (66).
  it('queries DBRef fields, and refuses empty path parts and renames onto _id', async () => {
    const refs = t.db.collection('refs');
    const person = new ObjectId();
    await refs.insertMany([{ _id: 1 as never, owner: new DBRef('people', person) }, { _id: 2 as never, owner: new DBRef('people', new ObjectId()), note: 'x' }]);
    expect((await refs.find({ 'owner.$id': person }).toArray()).map((d) => d._id)).to.deep.equal([1]);
    expect(await refs.countDocuments({ 'owner.$ref': 'people' })).to.equal(2);
    const empty = await serverFailure(refs.updateOne({ _id: 1 as never }, { $set: { 'a..b': 1 } }));
    expect([empty.code, empty.message]).to.deep.equal([56, "The update path 'a..b' contains an empty field name, which is not allowed."]);
    expect((await serverFailure(refs.updateOne({ _id: 2 as never }, { $rename: { note: '_id' } }))).code).to.equal(66);
  });
  // "Projection": a.$ returns the first element the query matched; "$meta": an unknown name is 17308.
  it('projects the matched element with a.$, and refuses an unknown $meta', async () => {
    const orders = t.db.collection('orders');
    await orders.insertMany([{ _id: 1 as never, items: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] }, { _id: 2 as never, items: [{ k: 'b', v: 3 }] }]);
    expect(await orders.find({ 'items.k': 'b' }, { projection: { 'items.$': 1 } }).toArray()).to.deep.equal([
      { _id: 1, items: [{ k: 'b', v: 2 }] },
      { _id: 2, items: [{ k: 'b', v: 3 }] },
    ]);
    expect((await serverFailure(orders.find({}, { projection: { x: { $meta: 'bogus' } } }).toArray())).code).to.equal(17308);
  });
  // "Collation" (db.createCollection): the collection's collation is every operation's default,
  // an index's too; "simple" asks for none.
  it("uses a collection's default collation for queries, sorts, updates and its indexes", async () => {
    await t.db.createCollection('folded', { collation: { locale: 'en', strength: 2 } });
    const folded = t.db.collection('folded');
    await folded.createIndex({ email: 1 }, { unique: true });
    await folded.insertMany([{ n: 'Apple', email: 'a@x.cn' }, { n: 'apple', email: 'b@x.cn' }, { n: 'Banana', email: 'c@x.cn' }]);
    expect(await folded.countDocuments({ n: 'APPLE' })).to.equal(2);
    expect(await folded.countDocuments({ n: 'APPLE' }, { collation: { locale: 'simple' } })).to.equal(0);
    expect((await folded.find({}, { sort: { n: 1 } }).toArray()).map((d) => d.n)).to.deep.equal(['Apple', 'apple', 'Banana']);
    expect((await folded.updateMany({ n: 'APPLE' }, { $set: { fruit: true } })).modifiedCount).to.equal(2);
    expect((await serverFailure(folded.insertOne({ email: 'A@X.CN' }))).code).to.equal(11000);
  });
  // "Comparison/Sort Order" and "$addToSet": numbers of any type with one value are one key
  // (1 and Decimal128('1.0') clash as _id); documents are equal only with the same field order.
  it('treats equal numbers of any type as one key, and documents with other field orders as two', async () => {
    const keys = t.db.collection('keys');
    await keys.insertOne({ _id: 1 as never, set: [{ a: 1, b: 1 }] });
    expect((await serverFailure(keys.insertOne({ _id: Decimal128.fromString('1.0') as never }))).code).to.equal(11000);
    await keys.insertOne({ _id: Decimal128.fromString('0.1') as never });
    await keys.updateOne({ _id: 1 as never }, { $addToSet: { set: { $each: [{ b: 1, a: 1 }, { a: 1, b: 1 }] } } });
    expect(Object.keys(((await keys.findOne({ _id: 1 as never }))!.set as object[])[1])).to.deep.equal(['b', 'a']);
    expect(((await keys.findOne({ _id: 1 as never }))!.set as object[]).length).to.equal(2);
  });
  // "$dateTrunc": truncated on the time zone's calendar (April 1 in Shanghai starts at 16:00
  // UTC on March 31), through a DST change too.
  it('truncates dates in a time zone', async () => {
    const [row] = await t.db
      .aggregate([
        { $documents: [{ d: new Date('2020-03-31T20:00:00Z'), dst: new Date('2021-03-14T12:00:00Z') }] },
        { $project: { month: { $dateTrunc: { date: '$d', unit: 'month', timezone: 'Asia/Shanghai' } }, week: { $dateTrunc: { date: '$d', unit: 'week', timezone: 'Asia/Shanghai' } }, day: { $dateTrunc: { date: '$dst', unit: 'day', timezone: 'America/New_York' } } } },
      ])
      .toArray();
    expect([row.month, row.week, row.day].map((d: Date) => d.toISOString())).to.deep.equal(['2020-03-31T16:00:00.000Z', '2020-03-28T16:00:00.000Z', '2021-03-14T05:00:00.000Z']);
    // "$project": included fields in the document's order, then computed ones as written.
    expect(Object.keys(row)).to.deep.equal(['month', 'week', 'day']);
  });
  // "collStats" (deprecated beside $collStats, still answered by MongoDB 7): count, size, indexes.
  it('answers collStats', async () => {
    const stats = t.db.collection('stats');
    await stats.insertMany([{ a: 1 }, { a: 2 }]);
    const reply = await t.db.command({ collStats: 'stats' });
    expect(reply).to.include({ ns: `${t.db.databaseName}.stats`, count: 2, nindexes: 1 });
    expect(reply.size).to.be.greaterThan(0);
  });
  // "$bit": and/or/xor applied in turn, on an int or a long (a missing field is 0), never on a
  // double (14); "$currentDate": a date, or a timestamp with {$type: 'timestamp'}.
  it('applies $bit and $currentDate as MongoDB does', async () => {
    const flags = t.db.collection('flags');
    await flags.insertOne({ _id: 1 as never, n: 5, l: Long.fromNumber(6), d: 1.5 });
    // (The driver's types allow one operation per $bit field; MongoDB applies several in turn.)
    await flags.updateOne({ _id: 1 as never }, { $bit: { n: { and: 4, or: 8 }, l: { xor: 3 }, m: { or: 2 } }, $currentDate: { stamp: { $type: 'timestamp' }, day: true } } as never);
    const raw = (await flags.findOne({ _id: 1 as never }, { promoteValues: false }))!;
    expect([Number(raw.n), (raw.l as { _bsontype: string })._bsontype, String(raw.l), Number(raw.m)]).to.deep.equal([12, 'Long', '5', 2]);
    expect((raw.stamp as { _bsontype: string })._bsontype).to.equal('Timestamp');
    expect(raw.day).to.be.instanceOf(Date);
    expect((await serverFailure(flags.updateOne({ _id: 1 as never }, { $bit: { d: { and: 1 } } }))).code).to.equal(14);
  });
  // "cursor.min()/max()": bounds on the hinted index's keys, [min, max), hint required (51173);
  // "cursor.returnKey()": the index key alone; "listIndexes": v, key, name first; "validate".
  it('answers min/max, returnKey, listIndexes and validate as MongoDB', async () => {
    const keyed = t.db.collection('keyed');
    await keyed.insertMany(Array.from({ length: 9 }, (_, i) => ({ _id: i as never, v: i % 3, s: `s${i}` })));
    await keyed.createIndex({ v: 1 });
    expect((await keyed.find({}).min({ v: 1 }).max({ v: 2 }).hint({ v: 1 }).toArray()).map((d) => d._id)).to.deep.equal([1, 4, 7]);
    expect((await serverFailure(keyed.find({}).min({ v: 1 }).toArray())).code).to.equal(51173);
    expect(await keyed.find({ v: 2 }).hint({ v: 1 }).returnKey(true).toArray()).to.deep.equal([{ v: 2 }, { v: 2 }, { v: 2 }]);
    expect((await keyed.listIndexes().toArray()).map((i) => Object.keys(i).slice(0, 3))).to.deep.equal([
      ['v', 'key', 'name'],
      ['v', 'key', 'name'],
    ]);
    const report = await t.db.command({ validate: 'keyed' });
    expect(report).to.include({ valid: true, nrecords: 9, nIndexes: 2 });
    expect(report.keysPerIndex).to.deep.equal({ _id_: 9, v_1: 9 });
  });
  // "$week": Sunday-based, days before the first Sunday are week 0; "$dateToParts" in its order;
  // a failed conversion is ConversionFailure (241); an unknown expression 168.
  it('answers $week, $dateToParts, conversion failures and unknown expressions as MongoDB', async () => {
    const dates = [new Date('2020-01-01T12:00:00Z'), new Date('2020-01-05T12:00:00Z'), new Date('2020-05-17T10:00:00Z')];
    const weeks = await t.db.aggregate([{ $documents: dates.map((d) => ({ d })) }, { $project: { w: { $week: '$d' }, parts: { $dateToParts: { date: '$d', timezone: 'Asia/Shanghai' } } } }]).toArray();
    expect(weeks.map((r) => r.w)).to.deep.equal([0, 1, 20]);
    expect(Object.keys(weeks[0].parts)).to.deep.equal(['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond']);
    expect(weeks[2].parts.hour).to.equal(18);
    expect((await serverFailure(t.db.aggregate([{ $documents: [{ s: 'x' }] }, { $project: { n: { $toInt: '$s' } } }]).toArray())).code).to.equal(241);
    expect((await serverFailure(t.db.aggregate([{ $documents: [{ s: 'x' }] }, { $project: { n: { $bogus: '$s' } } }]).toArray())).code).to.equal(168);
  });
  // Query operators: an empty $and/$or/$nor, a $not of a plain value and a negative $size are
  // BadValue; a top-level $comment is ignored; $sampleRate 1 keeps every document, 0 none.
  it('refuses malformed filters and honours $comment and $sampleRate', async () => {
    const q = t.db.collection('filters');
    await q.insertMany([{ a: 1, s: 'x' }, { a: 2 }, {}]);
    for (const filter of [{ $and: [] }, { $or: [] }, { s: { $not: 'x' } }, { a: { $size: -1 } }]) {
      expect((await serverFailure(q.find(filter as never).toArray())).code, JSON.stringify(filter)).to.equal(2);
    }
    expect(await q.countDocuments({ $comment: 'why', a: 1 })).to.equal(1);
    expect(await q.countDocuments({ $sampleRate: 1 })).to.equal(3);
    expect(await q.countDocuments({ $sampleRate: 0 })).to.equal(0);
  });
  // "$min" and "$max" compare numbers by value across int, long, double and decimal, and set
  // the operand (with its type) only when it wins.
  it('updates with $min and $max across numeric types', async () => {
    const limits = t.db.collection('limits');
    await limits.insertOne({ _id: 1 as never, l: Long.fromNumber(5), d: new Double(2.5), m: Decimal128.fromString('1.5') });
    await limits.updateOne({ _id: 1 as never }, { $max: { l: 10, m: 1 }, $min: { d: Long.fromNumber(2), n: new Double(4) } });
    const raw = (await limits.findOne({ _id: 1 as never }, { promoteValues: false }))!;
    const shown = (v: unknown) => `${(v as { _bsontype?: string })._bsontype}:${String(v)}`;
    expect([raw.l, raw.d, raw.m, raw.n].map(shown)).to.deep.equal(['Int32:10', 'Long:2', 'Decimal128:1.5', 'Double:4']);
  });
  // "Collation" on indexes: a unique index with a collation compares keys as it does
  // (strength 2: 'A@X.cn' duplicates 'a@x.cn'; strength 1: 'é' duplicates 'e'), and the
  // document is refused with 11000.
  it('keeps a unique index with a collation unique by the collation', async () => {
    const accounts = t.db.collection('accounts');
    await accounts.createIndex({ email: 1 }, { unique: true, collation: { locale: 'en', strength: 2 } });
    await accounts.insertOne({ email: 'a@x.cn' });
    expect((await failure(accounts.insertOne({ email: 'A@X.cn' }))).code).to.equal(11000);
    await accounts.insertOne({ email: 'b@x.cn' });
    expect((await failure(accounts.updateOne({ email: 'b@x.cn' }, { $set: { email: 'A@x.CN' } }))).code).to.equal(11000);
    expect(await accounts.countDocuments()).to.equal(2);
    const names = t.db.collection('names');
    await names.createIndex({ n: 1 }, { unique: true, collation: { locale: 'fr', strength: 1 } });
    await names.insertOne({ n: 'élan' });
    expect((await failure(names.insertOne({ n: 'Elan' }))).code).to.equal(11000);
    await names.insertOne({ n: 'elans' });
    // Without a collation, case still tells keys apart.
    const plain = t.db.collection('plain_unique');
    await plain.createIndex({ email: 1 }, { unique: true });
    await plain.insertMany([{ email: 'a@x.cn' }, { email: 'A@X.cn' }]);
  });
});
