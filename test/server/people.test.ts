import { expect } from 'chai';
import { errorCode, startTestServer, type GqlResponse, type TestServer } from '../helpers/server.js';

const PERSON_FIELDS = `id staffNumber name gender position employmentStatus archived department { code name } unionGroup { code }`;
const CREATE = `mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { ${PERSON_FIELDS} } userErrors { field code message } } }`;
const UPDATE = `mutation($i: PersonUpdateInput!) { personUpdate(input: $i) { person { ${PERSON_FIELDS} } userErrors { field code message } } }`;
const ARCHIVE = `mutation($i: PersonArchiveInput!) { personArchive(input: $i) { person { ${PERSON_FIELDS} archiveReason } userErrors { field code message } } }`;

type Payload = { person: Record<string, unknown> | null; userErrors: { field: string[]; code: string; message: string }[] };
const payloadOf = (res: GqlResponse, name: string) => (res.data as Record<string, Payload>)[name];

describe('people', () => {
  let t: TestServer;
  let admin: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestServer();
    admin = t.tokenFor('ADMIN');
    const res = await t.gql(`{ departments(first: 100) { edges { node { id code } } } unionGroups(first: 100) { edges { node { id code } } } }`, {}, admin);
    const data = res.data as { departments: { edges: { node: { id: string; code: string } }[] }; unionGroups: { edges: { node: { id: string; code: string } }[] } };
    for (const { node } of [...data.departments.edges, ...data.unionGroups.edges]) ids[node.code] = node.id;
  });
  after(() => t.stop());

  it('creates a person and reads it back through node(id)', async () => {
    const res = await t.gql(CREATE, { i: { staffNumber: 'T1001', name: '测试员', gender: 'FEMALE', departmentId: ids.ZYJK, unionGroupId: ids.YJ, position: '药师', unionMemberSince: '2015-03-01' } }, admin);
    const { person, userErrors } = payloadOf(res, 'personCreate');
    expect(userErrors).to.deep.equal([]);
    expect(person).to.include({ staffNumber: 'T1001', name: '测试员', employmentStatus: 'ACTIVE', archived: false });
    expect(person!.department).to.deep.equal({ code: 'ZYJK', name: '中药剂科' });
    const node = await t.gql(`query($id: ID!) { node(id: $id) { ... on Person { name unionMemberSince } } }`, { id: person!.id }, t.tokenFor('VIEWER'));
    expect(node.data).to.deep.equal({ node: { name: '测试员', unionMemberSince: '2015-03-01' } });
  });

  it('refuses a duplicate staff number with DUPLICATE naming the existing record', async () => {
    const res = await t.gql(CREATE, { i: { staffNumber: 'Z0101', name: '重复', departmentId: ids.ZYJK } }, admin);
    const { person, userErrors } = payloadOf(res, 'personCreate');
    expect(person).to.equal(null);
    expect(userErrors).to.have.length(1);
    expect(userErrors[0]).to.include({ code: 'DUPLICATE' });
    expect(userErrors[0].field).to.deep.equal(['input', 'staffNumber']);
    expect(userErrors[0].message).to.include('高圣艳');
  });

  it('answers bad input with field-level userErrors and writes nothing', async () => {
    const before = await t.models.Person.countDocuments();
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ staffNumber: '', name: '甲' }, ['input', 'staffNumber'], 'REQUIRED'],
      [{ staffNumber: 'bad number!', name: '甲' }, ['input', 'staffNumber'], 'INVALID'],
      [{ staffNumber: 'T2001', name: '名'.repeat(41) }, ['input', 'name'], 'TOO_LONG'],
      [{ staffNumber: 'T2002', name: '   ' }, ['input', 'name'], 'REQUIRED'],
      [{ staffNumber: 'T2003', name: '乙', departmentId: 'nope' }, ['input', 'departmentId'], 'NOT_FOUND'],
      [{ staffNumber: 'T2004', name: '乙', unionGroupId: ids.ZYJK }, ['input', 'unionGroupId'], 'NOT_FOUND'],
      [{ staffNumber: 'T2005', name: '乙', unionMemberSince: '1850-01-01' }, ['input', 'unionMemberSince'], 'INVALID'],
    ];
    for (const [input, field, code] of cases) {
      const { person, userErrors } = payloadOf(await t.gql(CREATE, { i: input }, admin), 'personCreate');
      expect(person, JSON.stringify(input)).to.equal(null);
      expect(userErrors[0], JSON.stringify(input)).to.deep.include({ field, code });
    }
    const badDate = await t.gql(CREATE, { i: { staffNumber: 'T2006', name: '丙', unionMemberSince: '2020-02-30' } }, admin);
    expect(errorCode(badDate)).to.equal('BAD_USER_INPUT');
    expect(badDate.status).to.equal(400);
    expect(await t.models.Person.countDocuments()).to.equal(before);
  });

  it('updates given fields, clears optional ones with null, and keeps the rest', async () => {
    const created = payloadOf(await t.gql(CREATE, { i: { staffNumber: 'T3001', name: '改名前', position: '药师', departmentId: ids.ZYJK } }, admin), 'personCreate').person!;
    const res = await t.gql(UPDATE, { i: { id: created.id, name: '改名后', position: null, unionGroupId: ids.YJ } }, admin);
    const { person, userErrors } = payloadOf(res, 'personUpdate');
    expect(userErrors).to.deep.equal([]);
    expect(person).to.include({ name: '改名后', position: null, staffNumber: 'T3001' });
    expect(person!.unionGroup).to.deep.equal({ code: 'YJ' });
    const missing = payloadOf(await t.gql(UPDATE, { i: { id: 'UGVyc29uOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA', name: 'x' } }, admin), 'personUpdate');
    expect(missing.userErrors[0]).to.deep.include({ field: ['input', 'id'], code: 'NOT_FOUND' });
    const clearName = payloadOf(await t.gql(UPDATE, { i: { id: created.id, name: null } }, admin), 'personUpdate');
    expect(clearName.userErrors[0].field).to.deep.equal(['input', 'name']);
  });

  it('archives a person: kept, hidden from default lists, audited', async () => {
    const created = payloadOf(await t.gql(CREATE, { i: { staffNumber: 'T4001', name: '归档人', departmentId: ids.GH } }, admin), 'personCreate').person!;
    const archived = payloadOf(await t.gql(ARCHIVE, { i: { id: created.id, reason: '调离' } }, admin), 'personArchive');
    expect(archived.person).to.include({ archived: true, archiveReason: '调离' });
    const again = payloadOf(await t.gql(ARCHIVE, { i: { id: created.id, reason: '再次' } }, admin), 'personArchive');
    expect(again.userErrors[0].code).to.equal('INVALID_STATE');
    const search = `query($f: PersonFilter) { people(filter: $f) { totalCount } }`;
    expect((await t.gql(search, { f: { search: '归档人' } }, admin)).data).to.deep.equal({ people: { totalCount: 0 } });
    expect((await t.gql(search, { f: { search: '归档人', includeArchived: true } }, admin)).data).to.deep.equal({ people: { totalCount: 1 } });
    const log = await t.gql(`query($id: ID!) { auditLog(filter: { entityId: $id }) { edges { node { operation actorUsername actorRole changes { field before after } } } } }`, { id: created.id }, admin);
    const entries = (log.data as { auditLog: { edges: { node: { operation: string; actorUsername: string; changes: { field: string; before: string | null; after: string | null }[] } }[] } }).auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => e.operation)).to.deep.equal(['personArchive', 'personCreate']);
    expect(entries[0].actorUsername).to.equal('test-admin');
    expect(entries[0].changes.find((c) => c.field === 'archived')).to.deep.equal({ field: 'archived', before: 'false', after: 'true' });
    expect(entries[1].changes.find((c) => c.field === 'name')).to.deep.equal({ field: 'name', before: null, after: '"归档人"' });
  });

  describe('roles and scope', () => {
    it('lets a CLERK write only within their departments or union groups, writing nothing otherwise', async () => {
      const clerk = t.tokenFor('CLERK', { departments: ['XYJK'] });
      const inScope = payloadOf(await t.gql(CREATE, { i: { staffNumber: 'T5001', name: '西药新人', departmentId: ids.XYJK } }, clerk), 'personCreate');
      expect(inScope.userErrors).to.deep.equal([]);
      const outside = await t.gql(CREATE, { i: { staffNumber: 'T5002', name: '越界', departmentId: ids.ZYJK } }, clerk);
      expect(errorCode(outside)).to.equal('FORBIDDEN');
      const nowhere = await t.gql(CREATE, { i: { staffNumber: 'T5003', name: '无科室' } }, clerk);
      expect(errorCode(nowhere)).to.equal('FORBIDDEN');
      expect(await t.models.Person.countDocuments({ staffNumber: { $in: ['T5002', 'T5003'] } })).to.equal(0);

      const moveOut = await t.gql(UPDATE, { i: { id: inScope.person!.id, departmentId: ids.ZYJK } }, clerk);
      expect(errorCode(moveOut)).to.equal('FORBIDDEN');
      const zhongyao = await t.models.Person.findOne({ staffNumber: 'Z0101' }).lean();
      const foreign = Buffer.from(`Person:${zhongyao!._id}`).toString('base64url');
      expect(errorCode(await t.gql(UPDATE, { i: { id: foreign, name: '篡改' } }, clerk))).to.equal('FORBIDDEN');
      expect(errorCode(await t.gql(ARCHIVE, { i: { id: foreign, reason: 'x' } }, clerk))).to.equal('FORBIDDEN');
      expect((await t.models.Person.findOne({ staffNumber: 'Z0101' }).lean())!.name).to.equal('高圣艳');

      const groupClerk = t.tokenFor('CLERK', { unionGroups: ['YJ'] });
      const viaGroup = payloadOf(await t.gql(UPDATE, { i: { id: foreign, position: '主任中药师' } }, groupClerk), 'personUpdate');
      expect(viaGroup.userErrors).to.deep.equal([]);
    });

    it('keeps VIEWER and VERIFIER from writing people and everyone but ADMIN from organisation changes', async () => {
      for (const role of ['VIEWER', 'VERIFIER'] as const) {
        expect(errorCode(await t.gql(CREATE, { i: { staffNumber: 'T6001', name: '只读' } }, t.tokenFor(role)))).to.equal('FORBIDDEN');
      }
      for (const role of ['VIEWER', 'VERIFIER', 'CLERK'] as const) {
        const res = await t.gql(`mutation { departmentCreate(input: { code: "NEW", name: "新科室" }) { department { id } } }`, {}, t.tokenFor(role, { departments: ['ZYJK'] }));
        expect(errorCode(res), role).to.equal('FORBIDDEN');
        expect(errorCode(await t.gql(`{ auditLog { totalCount } }`, {}, t.tokenFor(role)))).to.equal('FORBIDDEN');
        expect(errorCode(await t.gql(`{ users { totalCount } }`, {}, t.tokenFor(role)))).to.equal('FORBIDDEN');
      }
      expect(await t.models.Person.countDocuments({ staffNumber: 'T6001' })).to.equal(0);
      expect(await t.models.Department.countDocuments({ code: 'NEW' })).to.equal(0);
    });
  });

  describe('pagination', () => {
    before(async () => {
      for (let i = 0; i < 37; i++) {
        await t.gql(CREATE, { i: { staffNumber: `P${String(i).padStart(3, '0')}`, name: `同名${i % 3}`, departmentId: ids.BQ7 } }, admin);
      }
    });

    for (const orderBy of [{ field: 'NAME', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }, { field: 'STAFF_NUMBER', direction: 'ASC' }, { field: 'CREATED_AT', direction: 'DESC' }]) {
      it(`walks every page ordered by ${orderBy.field} ${orderBy.direction}: no duplicates, no gaps, stable order`, async () => {
        const q = `query($after: String, $o: PersonOrder, $d: ID) { people(first: 7, after: $after, orderBy: $o, filter: { departmentId: $d }) { totalCount edges { cursor node { id name staffNumber } } pageInfo { hasNextPage endCursor } } }`;
        const seen: { id: string; name: string; staffNumber: string }[] = [];
        let after: string | null = null;
        let total = 0;
        for (let page = 0; page < 20; page++) {
          const res: GqlResponse = await t.gql(q, { after, o: orderBy, d: ids.BQ7 }, admin);
          const conn: { totalCount: number; edges: { node: { id: string; name: string; staffNumber: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (res.data as { people: { totalCount: number; edges: { node: { id: string; name: string; staffNumber: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }).people;
          total = conn.totalCount;
          seen.push(...conn.edges.map((e) => e.node));
          if (!conn.pageInfo.hasNextPage) break;
          after = conn.pageInfo.endCursor;
        }
        const inDb = await t.models.Person.countDocuments({ archived: false, department: (await t.models.Department.findOne({ code: 'BQ7' }).lean())!._id });
        expect(total).to.equal(inDb);
        expect(seen).to.have.length(inDb);
        expect(new Set(seen.map((s) => s.id)).size).to.equal(inDb);
        const key = orderBy.field === 'NAME' ? 'name' : 'staffNumber';
        if (orderBy.field !== 'CREATED_AT') {
          const values = seen.map((s) => s[key]);
          const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(values).to.deep.equal(orderBy.direction === 'ASC' ? sorted : sorted.reverse());
        }
      });
    }

    it('caps first at 100 and rejects a cursor it did not make', async () => {
      expect(errorCode(await t.gql(`{ people(first: 101) { totalCount } }`, {}, admin))).to.equal('BAD_USER_INPUT');
      expect(errorCode(await t.gql(`{ people(first: -1) { totalCount } }`, {}, admin))).to.equal('BAD_USER_INPUT');
      expect(errorCode(await t.gql(`{ people(after: "garbage") { totalCount } }`, {}, admin))).to.equal('BAD_USER_INPUT');
    });

    it('filters by department, union group, gender, status and search', async () => {
      const count = async (filter: Record<string, unknown>) =>
        ((await t.gql(`query($f: PersonFilter) { people(filter: $f) { totalCount } }`, { f: filter }, admin)).data as { people: { totalCount: number } }).people.totalCount;
      expect(await count({ departmentId: ids.FSK })).to.equal(3);
      expect(await count({ departmentId: ids.FSK, gender: 'MALE' })).to.equal(3);
      expect(await count({ unionGroupId: ids.YJS })).to.equal(4);
      expect(await count({ search: 'z010' })).to.equal(9);
      expect(await count({ search: '.*' })).to.equal(0);
      expect(await count({ employmentStatus: 'RETIRED' })).to.equal(0);
    });
  });
});
