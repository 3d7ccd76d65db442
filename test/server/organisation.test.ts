import { expect } from 'chai';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/server.js';

type Payload = { department?: { id: string; code: string; name: string; active: boolean } | null; unionGroup?: { id: string; code: string } | null; userErrors: { field: string[]; code: string; message: string }[] };
const data = (res: GqlResponse, name: string) => (res.data as Record<string, Payload>)[name];

describe('departments and union groups', () => {
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer();
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  const CREATE = `mutation($i: DepartmentCreateInput!) { departmentCreate(input: $i) { department { id code name active } userErrors { field code message } } }`;
  const UPDATE = `mutation($i: DepartmentUpdateInput!) { departmentUpdate(input: $i) { department { id code name active } userErrors { field code message } } }`;

  it('creates, renames and deactivates a department, with an audit entry each', async () => {
    const created = data(await t.gql(CREATE, { i: { code: 'JZK', name: '急诊科' } }, admin), 'departmentCreate');
    expect(created.userErrors).to.deep.equal([]);
    const id = created.department!.id;
    const renamed = data(await t.gql(UPDATE, { i: { id, name: '急诊医学科', active: false } }, admin), 'departmentUpdate');
    expect(renamed.department).to.include({ code: 'JZK', name: '急诊医学科', active: false });
    const log = await t.gql(`query($id: ID!) { auditLog(filter: { entityId: $id }) { totalCount edges { node { operation changes { field } } } } }`, { id }, admin);
    const entries = (log.data as { auditLog: { edges: { node: { operation: string; changes: { field: string }[] } }[] } }).auditLog.edges.map((e) => e.node);
    expect(entries.map((e) => e.operation)).to.deep.equal(['departmentUpdate', 'departmentCreate']);
    expect(entries[0].changes.map((c) => c.field).sort()).to.deep.equal(['active', 'name']);
  });

  it('refuses duplicate codes and names, naming the holder', async () => {
    const dupCode = data(await t.gql(CREATE, { i: { code: 'ZYJK', name: '另一个' } }, admin), 'departmentCreate');
    expect(dupCode.userErrors[0]).to.deep.include({ field: ['input', 'code'], code: 'DUPLICATE' });
    expect(dupCode.userErrors[0].message).to.include('中药剂科');
    const dupName = data(await t.gql(CREATE, { i: { code: 'ZYJK2', name: '中药剂科' } }, admin), 'departmentCreate');
    expect(dupName.userErrors[0]).to.deep.include({ field: ['input', 'name'], code: 'DUPLICATE' });
    const bad = data(await t.gql(CREATE, { i: { code: 'has space', name: '' } }, admin), 'departmentCreate');
    expect(bad.userErrors.map((e) => e.field[1]).sort()).to.deep.equal(['code', 'name']);
    expect(await t.models.Department.countDocuments({ code: { $in: ['ZYJK2', 'has space'] } })).to.equal(0);
  });

  it('manages union groups the same way and lists them with filters', async () => {
    const created = data(await t.gql(`mutation { unionGroupCreate(input: { code: "WK", name: "外科工会小组" }) { unionGroup { id code } userErrors { code } } }`, {}, admin), 'unionGroupCreate');
    expect(created.unionGroup!.code).to.equal('WK');
    const res = await t.gql(`{ unionGroups(filter: { search: "外科" }) { totalCount edges { node { code name people { totalCount } } } } }`, {}, t.tokenFor('VIEWER'));
    expect(res.data).to.deep.equal({ unionGroups: { totalCount: 1, edges: [{ node: { code: 'WK', name: '外科工会小组', people: { totalCount: 0 } } }] } });
    const depPeople = await t.gql(`{ departments(filter: { search: "ZYJK" }) { edges { node { people(first: 10) { totalCount edges { node { name } } } } } } }`, {}, t.tokenFor('VIEWER'));
    const names = (depPeople.data as { departments: { edges: { node: { people: { edges: { node: { name: string } }[] } } }[] } }).departments.edges[0].node.people.edges.map((e) => e.node.name);
    expect(names).to.include('高圣艳');
  });
});

describe('developer experience', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer({ NODE_ENV: 'development' })));
  after(() => t.stop());

  it('serves GraphiQL from its own dependencies, with no CDN', async () => {
    const page = await (await fetch(`${t.url}/graphiql`)).text();
    expect(page).to.include('GraphiQL');
    const scripts = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).to.be.greaterThan(2);
    for (const src of scripts) {
      expect(src.startsWith('/graphiql/assets/'), src).to.equal(true);
      const asset = await fetch(`${t.url}${src}`);
      expect(asset.status, src).to.equal(200);
    }
  });
});
