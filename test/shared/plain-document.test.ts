// A new record built without mongoose's document must be exactly what mongoose would have
// built, field order included (a new record's audit entry lists its fields in that order),
// for every model an import inserts; and anything it cannot vouch for is left to mongoose.
import { expect } from 'chai';
import mongoose, { Types, type Model } from 'mongoose';
import { createModels, type Models } from '../../src/models.js';
import { plainDocument } from '../../src/shared/plain-document.js';
import { acrossInstitutions } from '../../src/shared/tenancy.js';

const by = { userId: 'u:1', username: 'clerk' };
const at = new Date('2020-05-06T07:08:09Z');
const stamps = () => ({ _id: new Types.ObjectId(), createdAt: at, updatedAt: at, institution: new Types.ObjectId() });
const workflow = () => ({ status: 'DRAFT', revision: 1, enteredBy: by, lastChangedBy: by, statusLog: [{ status: 'DRAFT', at, by }], history: [], departments: [new Types.ObjectId()], unionGroups: [] });
const ranked = (year: number) => ({ year, level: 'PROVINCIAL', levelRank: 2, resultRank: 10, rankKey: '02.10.x', sortDate: at, dedupeKey: `key-${year}` });

async function byMongoose(model: Model<unknown>, doc: Record<string, unknown>) {
  const built = new model(doc);
  await built.validate();
  return built.toObject({ depopulate: true, virtuals: false, getters: false, transform: false }) as Record<string, unknown>;
}

const withoutVersion = ({ __v: _version, ...rest }: Record<string, unknown>) => rest;

describe('new records built without a mongoose document', () => {
  let connection: mongoose.Connection;
  let models: Models;
  before(() => {
    connection = mongoose.createConnection();
    models = createModels(connection);
  });
  after(() => connection.close());

  const cases = (): [string, keyof Models, Record<string, unknown>][] => [
    ['an award with every field', 'Award', { ...stamps(), title: '技能竞赛', ...ranked(2020), date: at, category: 'SKILLS', competition: new Types.ObjectId(), people: [new Types.ObjectId(), new Types.ObjectId()], grade: 'FIRST', division: '专业组', evidence: { certificateNumber: 'C1', note: undefined }, note: '备注', ...workflow() }],
    ['a team award with a placement, nothing optional', 'Award', { ...stamps(), title: '运动会', ...ranked(2019), competition: new Types.ObjectId(), collective: { kind: 'DEPARTMENT', department: new Types.ObjectId(), team: true }, placement: 3, grade: undefined, evidence: undefined, ...workflow() }],
    ['an award whose evidence is all empty', 'Award', { ...stamps(), title: '讲课比赛', ...ranked(2021), competition: new Types.ObjectId(), people: [new Types.ObjectId()], resultText: '多项奖项', evidence: { certificateNumber: undefined, note: undefined }, note: null, ...workflow() }],
    ['an honour held since an unknown year', 'Honour', { ...stamps(), title: '文明单位', ...ranked(2020), year: undefined, sinceUnknown: true, honourKind: 'OTHER', collective: { kind: 'INSTITUTION' }, conferredBy: undefined, ...workflow() }],
    ['an honour with a score and a state log', 'Honour', { ...stamps(), title: '巾帼文明岗', ...ranked(2020), honourKind: 'CIVILISED_POST', score: 98, holderCount: 12, holderNoun: '护士', state: 'ACTIVE', stateLog: [{ state: 'ACTIVE', date: at, by }], ...workflow() }],
    ['a model-worker designation with a studio', 'ModelWorkerDesignation', { ...stamps(), title: '劳动模范', ...ranked(2018), designation: 'MODEL_WORKER', conferredBy: '省政府', session: '第十五届', people: [new Types.ObjectId()], studio: { name: '创新工作室', established: at, members: [] }, ...workflow() }],
    ['a donation by a department', 'Donation', { ...stamps(), kind: 'MONEY', mode: 'AGGREGATE', donorCollective: { kind: 'DEPARTMENT', department: new Types.ObjectId() }, donorCount: 30, quantity: 5000, date: at, year: 2020, dedupeKey: 'donation', ...workflow() }],
    ['a competition of the federation catalogue', 'Competition', { ...stamps(), institution: null, name: '全省护理技能大赛', normalizedName: '全省护理技能大赛', level: 'PROVINCIAL', category: 'SKILLS', year: 2020, edition: '第五届', hostedByUnion: undefined }],
    ['a competition the union held', 'Competition', { ...stamps(), name: '冬季趣味运动会', normalizedName: '冬季趣味运动会', level: 'INSTITUTION', category: 'SPORTS', year: 2020, hostedByUnion: true, participants: 200, participantsApprox: 'OVER' }],
  ];

  it('gives what mongoose gives, in the same field order', async () => {
    for (const [name, modelName, doc] of cases()) {
      const model = models[modelName] as unknown as Model<unknown>;
      const expected = withoutVersion(await acrossInstitutions(() => byMongoose(model, doc)));
      const actual = plainDocument(model.schema, doc);
      expect(actual, name).to.not.equal(null);
      expect(actual, name).to.deep.equal(expected);
      expect(Object.keys(actual!).filter((k) => k !== '_id'), name).to.deep.equal(Object.keys(expected).filter((k) => k !== '_id'));
    }
  });

  it('adds the id, the defaults and the timestamps mongoose adds', () => {
    const doc = { title: '技能竞赛', ...ranked(2020), competition: new Types.ObjectId(), enteredBy: by, institution: new Types.ObjectId() };
    const plain = plainDocument(models.Award.schema, doc)!;
    expect(plain._id).to.be.instanceOf(Types.ObjectId);
    expect(plain.createdAt).to.be.instanceOf(Date);
    expect(plain.updatedAt).to.deep.equal(plain.createdAt);
    expect(plain).to.include({ kind: 'AWARD', status: 'DRAFT', revision: 1 });
    expect(plain).to.deep.include({ people: [], history: [], statusLog: [], departments: [], unionGroups: [] });
  });

  it('leaves to mongoose whatever it cannot vouch for', () => {
    const award = { ...stamps(), title: '技能竞赛', ...ranked(2020), competition: new Types.ObjectId(), ...workflow() };
    const refused: [string, Record<string, unknown>][] = [
      ['a year as text', { ...award, year: '2020' }],
      ['a grade outside the vocabulary', { ...award, grade: 'BEST' }],
      ['a required title missing', { ...award, title: undefined }],
      ['a required title empty', { ...award, title: '' }],
      ['a year missing from a dated record', { ...award, year: null }],
      ['an invalid date', { ...award, date: new Date('no') }],
      ['a person as a string', { ...award, people: [String(new Types.ObjectId())] }],
      ['a history entry with a snapshot (mixed)', { ...award, history: [{ revision: 1, at, by, snapshot: { a: 1 } }] }],
      ['a subdocument that is not a plain object', { ...award, enteredBy: new Map() }],
      ['a subdocument missing its required field', { ...award, enteredBy: { userId: 'u' } }],
    ];
    for (const [name, doc] of refused) expect(plainDocument(models.Award.schema, doc), name).to.equal(null);
  });
});
