// The writer's-edit measure: how many characters a report writer would change in the draft
// before signing it. Each crafted year is entered through the API in an institution of its
// own; the draft is compared with the paragraphs written by hand for it. The demo year is
// compared with the reference report's own sentences about the same facts.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { draftOf, editDistance, enterYear } from '../helpers/year.js';
import { FIXTURES } from './writers-edit.fixtures.js';

// The most a writer should change, for every crafted year and for the demo year alike. What
// the demo year still differs in is the reference's own wording: it joins two single results
// with a comma, ends the skills list with 等等 and writes 斩获 and 的书法作品.
const MOST = 0.1;

function measure(draft: string, signed: string) {
  const distance = editDistance(draft, signed);
  const share = distance / [...signed].length;
  console.log(`      edit distance ${distance} of ${[...signed].length} characters (${(share * 100).toFixed(1)}%)`);
  return share;
}

describe("writer's edit: drafts a writer signs with few changes", () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  for (const fixture of FIXTURES) {
    it(`${fixture.institution.name} ${fixture.year}: ${fixture.about}`, async () => {
      const { admin } = await enterYear(t, fixture);
      const draft = await draftOf(t, fixture.year, admin);
      expect(measure(draft, fixture.signed), `draft:\n${draft}\nsigned:\n${fixture.signed}`).to.be.at.most(MOST);
    });
  }

  it('the demo year against the reference report’s sentences about the same people and departments', async function () {
    const file = path.join('..', 'shared', 'reference', 'shaoxing-tcm-hospital-union-report-2020.txt');
    if (!fs.existsSync(file)) this.skip(); // the reference lives beside the project, not in it
    const res = await t.gql(`{ achievementReport(year: 2020) { ranked { achievement { people { name } ... on Award { collective { department { name } } } ... on Honour { collective { department { name } } } } } narrative { heading sentences { text } } } }`, {}, t.tokenFor('VIEWER'));
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    type Report = { ranked: { achievement: { people: { name: string }[]; collective?: { department: { name: string } | null } | null } }[]; narrative: { heading: string; sentences: { text: string }[] }[] };
    const report = (res.data as { achievementReport: Report }).achievementReport;
    const names = new Set(report.ranked.flatMap(({ achievement: a }) => [...a.people.map((p) => p.name), ...(a.collective?.department ? [a.collective.department.name] : [])]));
    const about = (sentence: string) => [...names].some((n) => sentence.includes(n));
    // The reference's sentences that state these recipients' results, in its order.
    const reference = fs.readFileSync(file, 'utf8').split(/(?<=。)/).map((s) => s.trim()).filter(about);
    const drafted = report.narrative.filter((p) => p.heading !== '概况').flatMap((p) => p.sentences.map((s) => s.text)).filter(about);
    expect(reference.length).to.be.greaterThan(5);
    const signed = reference.join('');
    expect(measure(drafted.join(''), signed), `draft:\n${drafted.join('\n')}\nreference:\n${reference.join('\n')}`).to.be.at.most(MOST);
  });
});
