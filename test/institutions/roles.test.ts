// Roles around institutions: the union office's whole-institution CLERK, the federation
// accounts, the self-reference a report uses, and what the federation roles may not do.
import { expect } from 'chai';
import { payloadOf } from '../helpers/records.js';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { createInstitution } from './helpers.js';

describe('institutions: roles', function () {
  this.timeout(60_000);
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.stop());

  it('lets a whole-institution CLERK write in any department, and a scoped one only in theirs', async () => {
    const create = `mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { id } userErrors { code } } }`;
    const ids = (await t.gql<{ departments: { edges: { node: { id: string; code: string } }[] } }>(`{ departments(first: 100) { edges { node { id code } } } }`, {}, t.tokenFor('ADMIN'))).data!.departments.edges;
    const elsewhere = ids.find((d) => d.node.code !== 'ZYJK')!.node.id;
    const office = t.tokenFor('CLERK', { wholeInstitution: true }, 'union-office');
    expect(payloadOf(await t.gql(create, { i: { staffNumber: 'W001', name: '工会办录入', departmentId: elsewhere } }, office), 'personCreate').userErrors).to.deep.equal([]);
    const scoped = t.tokenFor('CLERK', { departments: ['ZYJK'] }, 'zyjk-clerk');
    expect(errorCode(await t.gql(create, { i: { staffNumber: 'W002', name: '越权录入', departmentId: elsewhere } }, scoped))).to.equal('FORBIDDEN');
    // An account with that scope, made by the ADMIN, signs in with it.
    const user = await t.gql(
      `mutation($i: UserCreateInput!) { userCreate(input: $i) { user { wholeInstitution institution { code } } userErrors { field code } } }`,
      { i: { username: 'office.clerk', password: 'office-clerk-password-1', displayName: '工会办', role: 'CLERK', wholeInstitution: true } },
      t.tokenFor('ADMIN'),
    );
    expect(payloadOf(user, 'userCreate').user).to.deep.equal({ wholeInstitution: true, institution: { code: 'DEMO' } });
    const login = await t.gql(`mutation { login(input: { username: "office.clerk", password: "office-clerk-password-1" }) { viewer { role wholeInstitution institution { code } } } }`);
    expect((login.data as { login: { viewer: unknown } }).login.viewer).to.deep.equal({ role: 'CLERK', wholeInstitution: true, institution: { code: 'DEMO' } });
  });

  it('keeps federation and institution accounts apart', async () => {
    const create = `mutation($i: UserCreateInput!) { userCreate(input: $i) { user { id role institution { code } } userErrors { field code } } }`;
    const input = (username: string, role: string) => ({ i: { username, password: 'a-long-enough-secret-42', displayName: username, role } });
    const fed = payloadOf(await t.gql(create, input('fed.viewer', 'FEDERATION_VIEWER'), t.tokenFor('FEDERATION_ADMIN')), 'userCreate');
    expect(fed.userErrors).to.deep.equal([]);
    expect(fed.user).to.deep.include({ role: 'FEDERATION_VIEWER', institution: null });
    expect(payloadOf(await t.gql(create, input('sneaky', 'FEDERATION_ADMIN'), t.tokenFor('ADMIN')), 'userCreate').userErrors).to.deep.equal([{ field: ['input', 'role'], code: 'INVALID' }]);
    expect(payloadOf(await t.gql(create, input('hospital.admin', 'ADMIN'), t.tokenFor('FEDERATION_ADMIN')), 'userCreate').userErrors).to.deep.equal([{ field: ['input', 'role'], code: 'INVALID' }]);
    const login = await t.gql(`mutation { login(input: { username: "fed.viewer", password: "a-long-enough-secret-42" }) { token viewer { role institution { code } } } }`);
    const session = (login.data as { login: { token: string; viewer: unknown } }).login;
    expect(session.viewer).to.deep.equal({ role: 'FEDERATION_VIEWER', institution: null });
    // It reads every institution, and enters nothing.
    const people = await t.gql<{ people: { totalCount: number } }>(`{ people(first: 1) { totalCount } }`, {}, session.token);
    expect(people.data!.people.totalCount).to.be.greaterThan(20);
    const write = await t.gql(`mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { id } } }`, { i: { staffNumber: 'F1', name: '联合会' } }, session.token);
    expect(errorCode(write)).to.equal('FORBIDDEN');
    const report = await t.gql(`{ achievementReport(year: 2020) { title } }`, {}, session.token);
    expect(errorCode(report)).to.equal('BAD_USER_INPUT');
    expect(errorCode(await t.gql(`mutation($i: InstitutionCreateInput!) { institutionCreate(input: $i) { institution { id } } }`, { i: { code: 'X9', name: '某院', admin: { username: 'x9.admin', password: 'x9-admin-password', displayName: 'x' } } }, t.tokenFor('ADMIN')))).to.equal('FORBIDDEN');
  });

  it("titles a report with the institution's name and names it as the institution names itself", async () => {
    const h = await createInstitution(t, 'SELF', '第四人民医院', { selfReference: '本院' });
    const admin = t.tokenFor('ADMIN', {}, 'self-admin', h);
    const id = (await t.gql<{ institution: { id: string } }>(`{ institution { id } }`, {}, admin)).data!.institution.id;
    const read = async () => (await t.gql<{ achievementReport: { title: string; subject: string; narrative: { text: string }[] } }>(`{ achievementReport(year: 2021) { title subject narrative { text } } }`, {}, admin)).data!.achievementReport;
    expect(await read()).to.deep.include({ title: '第四人民医院', subject: '本院' });
    const update = await t.gql(`mutation($i: InstitutionUpdateInput!) { institutionUpdate(input: $i) { institution { selfReference } userErrors { field code } } }`, { i: { id, selfReference: '我院' } }, admin);
    expect(payloadOf(update, 'institutionUpdate').institution).to.deep.equal({ selfReference: '我院' });
    expect((await read()).narrative[0].text).to.equal('2021年度，我院暂无经审核的获奖和荣誉记录。');
    const other = await t.gql(`mutation($i: InstitutionUpdateInput!) { institutionUpdate(input: $i) { userErrors { code } } }`, { i: { id, name: '改名' } }, t.tokenFor('ADMIN'));
    expect(payloadOf(other, 'institutionUpdate').userErrors.map((e) => e.code)).to.deep.equal(['NOT_FOUND']);
  });
});
