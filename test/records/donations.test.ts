import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { demoIds, payloadOf, step, type Ids } from '../helpers/records.js';

const RECORD = `mutation($i: DonationRecordInput!) { donationRecord(input: $i) { donation { id kind mode quantity approximate quantityText unit donorCount donor { staffNumber } donorCollective { name } beneficiary { name } status campaign } userErrors { field code message } } }`;

describe('donations', () => {
  let t: TestServer;
  let ids: Ids;
  let admin: string;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  const record = async (input: Record<string, unknown>, token = admin) => payloadOf(await t.gql(RECORD, { i: input }, token), 'donationRecord');

  it('records itemised and aggregate donations, keeping approximate figures as entered', async () => {
    const itemised = await record({ kind: 'MONEY', donorPersonId: ids.person.Z0119, quantity: 500.5, campaign: '困难职工帮扶', beneficiaryPersonId: ids.person.Z0121, date: '2020-03-01' });
    expect(itemised.donation).to.deep.include({ mode: 'ITEMISED', quantityText: '500.5元', donor: { staffNumber: 'Z0119' }, beneficiary: { name: '孙慧敏' }, status: 'DRAFT' });
    const aggregate = await record({ kind: 'BLOOD', donorCount: 12, donorCollective: { kind: 'DEPARTMENT', departmentId: ids.department.HLB }, quantity: 3600, date: '2020-06-14' });
    expect(aggregate.donation).to.deep.include({ mode: 'AGGREGATE', quantityText: '3600毫升', donorCount: 12, donorCollective: { name: '护理部' } });
    const books = await record({ kind: 'BOOKS', donorCollective: { kind: 'DEPARTMENT', departmentId: ids.department.GH }, quantity: 120, approximate: true, date: '2020-04-23' });
    expect(books.donation).to.deep.include({ quantityText: '120余本', approximate: true, unit: '本' });
  });

  it('validates quantities, donors and counts with precise fields, writing nothing', async () => {
    const before = await t.models.Donation.countDocuments();
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ kind: 'MONEY', donorPersonId: ids.person.Z0119, quantity: 0, date: '2020-01-01' }, ['input', 'quantity'], 'OUT_OF_RANGE'],
      [{ kind: 'MONEY', donorPersonId: ids.person.Z0119, quantity: -5, date: '2020-01-01' }, ['input', 'quantity'], 'OUT_OF_RANGE'],
      [{ kind: 'BLOOD', donorCount: 0, quantity: 200, date: '2020-01-01' }, ['input', 'donorCount'], 'OUT_OF_RANGE'],
      [{ kind: 'BLOOD', donorCount: 2, donorPersonId: ids.person.Z0119, quantity: 400, date: '2020-01-01' }, ['input', 'donorPersonId'], 'INVALID'],
      [{ kind: 'BOOKS', quantity: 3, date: '2020-01-01' }, ['input', 'donorPersonId'], 'REQUIRED'],
      [{ kind: 'BOOKS', donorPersonId: ids.person.Z0119, donorCollective: { kind: 'INSTITUTION' }, quantity: 3, date: '2020-01-01' }, ['input', 'donorCollective'], 'INVALID'],
      [{ kind: 'STEM_CELL_REGISTRATION', donorCount: 3, quantity: 2.5, date: '2020-01-01' }, ['input', 'quantity'], 'INVALID'],
      [{ kind: 'MONEY', donorPersonId: 'nobody', quantity: 5, date: '2020-01-01' }, ['input', 'donorPersonId', '0'], 'NOT_FOUND'],
      [{ kind: 'MONEY', donorPersonId: ids.person.Z0119, quantity: 5, beneficiaryPersonId: 'x', date: '2020-01-01' }, ['input', 'beneficiaryPersonId'], 'NOT_FOUND'],
      [{ kind: 'MONEY', donorPersonId: ids.person.Z0119, quantity: 5, campaign: '长'.repeat(61), date: '2020-01-01' }, ['input', 'campaign'], 'TOO_LONG'],
    ];
    for (const [input, field, code] of cases) {
      const p = await record(input);
      expect(p.donation, JSON.stringify(input)).to.equal(null);
      expect(p.userErrors.map((e) => [e.field, e.code]), JSON.stringify(input)).to.deep.include([field, code]);
    }
    expect(await t.models.Donation.countDocuments()).to.equal(before);
  });

  it('refuses the same donation twice and goes through verification', async () => {
    const input = { kind: 'GOODS', donorPersonId: ids.person.Z0120, quantity: 10, campaign: '抗疫', date: '2020-02-02' };
    const first = await record(input);
    expect((await record(input)).userErrors[0].code).to.equal('DUPLICATE');
    const id = (first.donation as { id: string }).id;
    await step(t, 'donationSubmit', id, admin);
    expect((await step(t, 'donationVerify', id, t.tokenFor('VERIFIER'))).record).to.include({ status: 'VERIFIED' });
    const listed = await t.gql(`{ donations(filter: { campaign: "抗疫", status: VERIFIED }) { totalCount } }`, {}, t.tokenFor('VIEWER'));
    expect((listed.data as { donations: { totalCount: number } }).donations.totalCount).to.be.at.least(1);
  });

  it('keeps clerks to donors in their scope; the whole institution is ADMIN work', async () => {
    const clerk = t.tokenFor('CLERK', { departments: ['XYJK'] });
    expect((await record({ kind: 'MONEY', donorPersonId: ids.person.Z0119, quantity: 50, date: '2020-05-05' }, clerk)).userErrors).to.deep.equal([]);
    expect(errorCode(await t.gql(RECORD, { i: { kind: 'MONEY', donorPersonId: ids.person.Z0101, quantity: 50, date: '2020-05-05' } }, clerk))).to.equal('FORBIDDEN');
    expect(errorCode(await t.gql(RECORD, { i: { kind: 'BLOOD', donorCount: 3, quantity: 900, date: '2020-05-05' } }, clerk))).to.equal('FORBIDDEN');
  });
});
