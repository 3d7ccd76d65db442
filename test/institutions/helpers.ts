// Institutions made through the API (institutionCreate as FEDERATION_ADMIN), and one
// institution's small registry: a department, a union group, a person, a competition, a
// verified award and a donation, all with the same codes in every institution.
import { expect } from 'chai';
import type { InstitutionRecord } from '../../src/modules/institutions/model.js';
import { payloadOf } from '../helpers/records.js';
import type { TestServer } from '../helpers/server.js';

export async function createInstitution(t: TestServer, code: string, name: string, extra: Record<string, unknown> = {}): Promise<InstitutionRecord> {
  const res = await t.gql(
    `mutation($i: InstitutionCreateInput!) { institutionCreate(input: $i) { institution { id code } userErrors { field code message } } }`,
    { i: { code, name, admin: { username: `admin.${code.toLowerCase()}`, password: `long-enough-password-${code}`, displayName: `${name}管理员` }, ...extra } },
    t.tokenFor('FEDERATION_ADMIN'),
  );
  expect(payloadOf(res, 'institutionCreate').userErrors).to.deep.equal([]);
  return (await t.rawModels.Institution.findOne({ code }).lean()) as InstitutionRecord;
}

export interface Registry {
  institution: InstitutionRecord;
  admin: string;
  verifier: string;
  ids: { department: string; unionGroup: string; person: string; competition: string; award: string; donation: string };
}

/** Fills an institution; `tag` goes into names so that each institution's records differ. */
export async function fillRegistry(t: TestServer, institution: InstitutionRecord, tag: string, options: { year?: number; grade?: string; level?: string } = {}): Promise<Registry> {
  const admin = t.tokenFor('ADMIN', {}, `admin-${tag}`, institution);
  const verifier = t.tokenFor('VERIFIER', {}, `verifier-${tag}`, institution);
  const run = async (mutation: string, type: string, input: Record<string, unknown>, key: string, token = admin) => {
    const res = await t.gql(`mutation($i: ${type}!) { ${mutation}(input: $i) { ${key} { id } userErrors { field code message } } }`, { i: input }, token);
    const p = payloadOf(res, mutation);
    expect(p.userErrors, `${mutation} in ${tag}`).to.deep.equal([]);
    return (p[key] as { id: string }).id;
  };
  const year = options.year ?? 2021;
  const department = await run('departmentCreate', 'DepartmentCreateInput', { code: 'YJK', name: '药剂科' }, 'department');
  const unionGroup = await run('unionGroupCreate', 'UnionGroupCreateInput', { code: 'G1', name: '第一工会小组' }, 'unionGroup');
  const person = await run('personCreate', 'PersonCreateInput', { staffNumber: 'P001', name: `职工${tag}`, gender: 'FEMALE', departmentId: department, unionGroupId: unionGroup }, 'person');
  const competition = await run('competitionCreate', 'CompetitionCreateInput', { name: '药学技能竞赛', level: options.level ?? 'PROVINCIAL', category: 'SKILLS', year }, 'competition');
  const award = await run('awardCreate', 'AwardCreateInput', { competitionId: competition, personIds: [person], grade: options.grade ?? 'FIRST', date: `${year}-05-01` }, 'award');
  await run('awardSubmit', 'RecordIdInput', { id: award }, 'award');
  await run('awardVerify', 'RecordIdInput', { id: award }, 'award', verifier);
  const donation = await run('donationRecord', 'DonationRecordInput', { kind: 'BLOOD', donorCount: 10, quantity: 4000, date: `${year}-06-14` }, 'donation');
  return { institution, admin, verifier, ids: { department, unionGroup, person, competition, award, donation } };
}
