// A hospital's year entered through the API as a clerk and a verifier would: an
// institution of its own, its departments and staff, then every record, submitted and
// verified. The writer's-edit fixtures are written in this shape.
import { expect } from 'chai';
import { createInstitution } from '../institutions/helpers.js';
import { payloadOf } from './records.js';
import type { TestServer } from './server.js';

/** Who a record is for: staff numbers, and/or a unit (a department's code, or SELF for the institution), or its team. */
export interface Recipients {
  people?: string[];
  unit?: string;
  team?: string;
}

export interface FixtureCompetition {
  name: string;
  level: string;
  category: string;
  organiser?: string;
  edition?: string;
  brand?: string;
  sector?: string;
}

export type FixtureRecord =
  | ({ award: FixtureCompetition; grade?: string; placement?: number; resultText?: string; division?: string; date?: string; titles?: Omit<FixtureHonour, 'honour'>[] } & Recipients)
  | FixtureHonour
  | ({ designation: string; title: string; level: string; conferredBy: string; session?: string; date?: string } & Recipients)
  | { donation: string; quantity: number; donorCount?: number; approximate?: boolean; campaign?: string; unit?: string };

export type FixtureHonour = { honour: string; title: string; level: string; conferredBy?: string; sector?: string; session?: string; score?: number; asWritten?: string; holderCount?: number; holderNoun?: string; year?: number; date?: string } & Recipients;

export interface YearFixture {
  /** What the fixture is about, for the test's name. */
  about: string;
  institution: { code: string; name: string; selfReference?: string };
  year: number;
  departments: { code: string; name: string; kind?: 'BODY' }[];
  people: { no: string; name: string; gender: 'FEMALE' | 'MALE'; dept: string; position?: string }[];
  records: FixtureRecord[];
  /** The year before, so that the overview compares. */
  previous?: FixtureRecord[];
  /** The paragraphs, as a writer would sign them, one per line. */
  signed: string;
}

export async function enterYear(t: TestServer, f: YearFixture) {
  const institution = await createInstitution(t, f.institution.code, f.institution.name, f.institution.selfReference ? { selfReference: f.institution.selfReference } : {});
  const admin = t.tokenFor('ADMIN', {}, `admin-${f.institution.code}`, institution);
  const verifier = t.tokenFor('VERIFIER', {}, `verifier-${f.institution.code}`, institution);
  const run = async (mutation: string, type: string, input: Record<string, unknown>, key: string, token = admin) => {
    const res = await t.gql(`mutation($i: ${type}!) { ${mutation}(input: $i) { ${key} { id } userErrors { field code message } } }`, { i: input }, token);
    const p = payloadOf(res, mutation);
    expect(p.userErrors, `${mutation} ${JSON.stringify(input)}`).to.deep.equal([]);
    return (p[key] as { id: string }).id;
  };
  const department: Record<string, string> = {};
  for (const d of f.departments) department[d.code] = await run('departmentCreate', 'DepartmentCreateInput', { code: d.code, name: d.name, kind: d.kind }, 'department');
  const person: Record<string, string> = {};
  for (const p of f.people) person[p.no] = await run('personCreate', 'PersonCreateInput', { staffNumber: p.no, name: p.name, gender: p.gender, departmentId: department[p.dept], position: p.position }, 'person');

  const collective = (r: Recipients) => {
    const code = r.team ?? r.unit;
    if (!code) return undefined;
    return code === 'SELF' ? { kind: 'INSTITUTION', team: Boolean(r.team) } : { kind: 'DEPARTMENT', departmentId: department[code], team: Boolean(r.team) };
  };
  const verified = async (prefix: 'award' | 'honour' | 'modelWorkerDesignation' | 'donation', key: string, id: string) => {
    await run(`${prefix}Submit`, 'RecordIdInput', { id }, key);
    await run(`${prefix}Verify`, 'RecordIdInput', { id }, key, verifier);
    return id;
  };
  const competitions = new Map<string, string>();
  const honour = async (h: Omit<FixtureHonour, 'honour'> & { honour?: string }, year: number, awardId?: string) => {
    const input = { title: h.title, honourKind: h.honour ?? 'OTHER', level: h.level, conferredBy: h.conferredBy, sector: h.sector, session: h.session, score: h.score, asWritten: h.asWritten, holderCount: h.holderCount, holderNoun: h.holderNoun, year: h.year ?? year, date: h.date, personId: h.people?.[0] && person[h.people[0]], collective: collective(h), awardId };
    return verified('honour', 'honour', await run('honourConfer', 'HonourConferInput', input, 'honour'));
  };
  const enter = async (r: FixtureRecord, year: number) => {
    if ('award' in r) {
      const key = `${year}|${r.award.name}`;
      if (!competitions.has(key)) competitions.set(key, await run('competitionCreate', 'CompetitionCreateInput', { ...r.award, year }, 'competition'));
      const input = { competitionId: competitions.get(key), personIds: r.people?.map((p) => person[p]), collective: collective(r), grade: r.grade, placement: r.placement, resultText: r.resultText, division: r.division, date: r.date ?? `${year}-06-01` };
      const id = await verified('award', 'award', await run('awardCreate', 'AwardCreateInput', input, 'award'));
      for (const title of r.titles ?? []) await honour(title, year, id);
    } else if ('honour' in r) {
      await honour(r, year);
    } else if ('designation' in r) {
      const input = { personId: person[r.people![0]], designation: r.designation, title: r.title, level: r.level, conferredBy: r.conferredBy, session: r.session, year, date: r.date };
      await verified('modelWorkerDesignation', 'designation', await run('modelWorkerDesignate', 'ModelWorkerDesignateInput', input, 'designation'));
    } else {
      const input = { kind: r.donation, quantity: r.quantity, donorCount: r.donorCount, approximate: r.approximate ?? false, campaign: r.campaign, donorCollective: r.unit ? collective({ unit: r.unit }) : undefined, date: `${year}-09-01` };
      await verified('donation', 'donation', await run('donationRecord', 'DonationRecordInput', input, 'donation'));
    }
  };
  for (const r of f.previous ?? []) await enter(r, f.year - 1);
  for (const r of f.records) await enter(r, f.year);
  return { institution, admin, verifier };
}

/** The year's drafted paragraphs, one per line (headings left out: the writer's section has its own). */
export async function draftOf(t: TestServer, year: number, token: string): Promise<string> {
  const res = await t.gql(`query($y: Int!) { achievementReport(year: $y) { narrative { text } } }`, { y: year }, token);
  expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
  return (res.data as { achievementReport: { narrative: { text: string }[] } }).achievementReport.narrative.map((p) => p.text).join('\n');
}

/** Levenshtein distance over code points: the characters a writer changes, adds or removes. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}
