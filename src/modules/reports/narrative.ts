// The drafter: turns a year's verified records into paragraphs in the register of the
// union's work report. Pure and deterministic: the same records give the same text. Every
// sentence carries the ids of the records it states.
import { GRADES, LEVEL_WORDS, LEVELS, type Level } from '../vocabulary/vocabulary.js';
import { chineseNumber } from '../vocabulary/numbers.js';

export interface DraftRecord {
  id: string;
  kind: 'AWARD' | 'HONOUR' | 'MODEL_WORKER';
  level: Level;
  rankKey: string;
  /** When it happened (ISO date; the end of the year when unknown): within a level, sentences follow it. */
  date: string;
  title: string;
  category?: string | null;
  resultLabel: string;
  /** Free-text result (多项奖项): stated as "在…中获得…". */
  vague?: boolean;
  /** A union officer's office is named before the name (工会主席秦颖). */
  people: { id: string; name: string; office?: string | null }[];
  collective?: { key: string; name: string } | null;
  /** For honours: the award (id) this title followed from. */
  followsFrom?: string | null;
  /** For honours: named civilised post. */
  civilisedPost?: boolean;
  session?: string | null;
  /** For awards: the competition's organiser (named first where the name does not say who runs it). */
  organiser?: string | null;
  /** For honours: the system it was conferred in (市直卫生健康系统), its inspection score, and the title as written. */
  sector?: string | null;
  score?: number | null;
  asWritten?: string | null;
  /** For a title: in how many years the registry shows this recipient holding it, this one included. */
  timesWon?: number | null;
  /** For a collective's honour: how many of its staff hold it, and who they are (12, 护士). */
  holders?: { count: number; noun: string } | null;
}

export interface DraftStreak {
  recipientKey: string;
  name: string;
  level: Level;
  years: number;
}

export interface DraftDonation {
  kind: string;
  campaign: string | null;
  /** The department that gave, where one did: it is named (急诊科捐款5000元). */
  donor?: string | null;
  /** Staff gave (counted or not), rather than the institution itself. */
  byStaff?: boolean;
  /** Ready-made phrase, e.g. 108位职工献血27800毫升. */
  phrase: string;
  recordIds: string[];
}

/** An event the union held itself (组织全院职工冬季趣味运动会，参赛职工200余人). */
export interface DraftHosted {
  id: string;
  name: string;
  category: string;
  /** As the source states it: 200余人, 近百人; null where it gives none. */
  participants: string | null;
}

export interface Sentence {
  text: string;
  recordIds: string[];
}

export interface Paragraph {
  heading: string;
  sentences: Sentence[];
}

export interface DraftInput {
  year: number;
  /** Who the report is about: how the institution names itself (我院), or a department or group name. */
  subject: string;
  /** Who qualifies the staff that gave: 全院 for the institution (全院108位职工献血…), else the subject. */
  staff: string;
  records: DraftRecord[];
  /** The union's own events of the year (the institution's report only). */
  hosted?: DraftHosted[];
  streaks: DraftStreak[];
  donations: DraftDonation[];
  summary: { total: number; byLevel: { level: Level; count: number }[]; people: number; women: number; previousTotal: number | null };
}

const CULTURE = new Set(['CULTURE', 'SPORTS', 'IDEOLOGY']);

/** A和B; A、B和C. */
export function joinList(items: string[], conjunction = '和'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${conjunction}${items[items.length - 1]}`;
}

/** A name holding one of these says where, or who runs it: it takes no level word. */
const LEVEL_MARKERS = ['国际', '全国', '国家', '省', '市', '区', '县', '院级', '院内', '学院', '大学', '医院', '学会', '协会', '工会', '委员会', '中心'];

/**
 * The competition as a sentence names it: as it is where the name says where or who runs it
 * (and for an event of the institution itself); else after its organiser, where one is
 * recorded (省医学会放射学分会“云影杯”摄影大赛); else after its level in words (市超声技能大赛).
 */
export function levelled(title: string, level: Level, organiser?: string | null): string {
  if (level === 'INSTITUTION' || level === 'UNSPECIFIED' || LEVEL_MARKERS.some((m) => title.includes(m))) return title;
  // With an organiser recorded the level word goes: the organiser says it, or the name does.
  if (organiser) return namesOrganiser(title, organiser) ? title : `${shortPlace(organiser, level)}${title}`;
  return `${LEVEL_WORDS[level]}${title}`;
}

/**
 * Several competitions at one level named in a row: the level word once, in front
 * (市微型党课比赛和卫生系统微型党课比赛), where each would take it.
 */
function levelledNames(rs: DraftRecord[], join: (names: string[]) => string, trim: (name: string) => string = (n) => n): string {
  const word = LEVEL_WORDS[rs[0].level];
  const each = rs.map((r) => levelled(r.title, r.level, r.organiser));
  const prefixed = rs.length > 1 && rs.every((r, i) => r.level === rs[0].level && each[i] === `${word}${r.title}`);
  return prefixed ? `${word}${join(rs.map((r) => trim(r.title)))}` : join(each.map(trim));
}

/**
 * A competition as the union names it: its sector narrowing it (市直机关职工摄影比赛) and its
 * edition kept, after a place the name starts with (浙江省第三届…) and before a brand (第三届“莲花杯”…).
 */
export function competitionName(title: string, c: { edition?: string | null; sector?: string | null }): string {
  const numbered = !c.edition || title.includes(c.edition) ? title : title.startsWith('“') ? `${c.edition}${title}` : withSession(title, c.edition);
  return withSector(numbered, c.sector);
}

const ORGANISER_PLACE = /^(.{2,3}?[省市])立?/;
const ORGANISER_KIND = /(医院|大学|学院|学会|协会|分会|委员会|中心|工会|联合会)$/;

/** Whether the name already says who runs it: it holds the organiser's own name (同德 of 浙江省立同德医院). */
function namesOrganiser(title: string, organiser: string): boolean {
  if (title.includes(organiser)) return true;
  const own = organiser.replace(ORGANISER_PLACE, '').replace(ORGANISER_KIND, '');
  return own.length >= 2 && title.includes(own);
}

/** Within its own province (or city) the union writes 省… (市…) for the organiser's place. */
function shortPlace(organiser: string, level: Level): string {
  const place = /^(.{2,3}?)([省市])/.exec(organiser);
  return place && ((place[2] === '省' && level === 'PROVINCIAL') || (place[2] === '市' && level === 'MUNICIPAL')) ? `${place[2]}${organiser.slice(place[0].length)}` : organiser;
}

const PLACE = /^(全国|.+?[省市县区])/;

/** 浙江省 + 卫生健康系统 + 先进工作者 → 浙江省卫生健康系统先进工作者: a sector narrows the place. */
export function withSector(title: string, sector: string | null | undefined): string {
  if (!sector || title.includes(sector)) return title;
  const place = PLACE.exec(title)?.[0];
  return place && !sector.startsWith(place[0]) ? `${place}${sector}${title.slice(place.length)}` : `${sector}${title}`;
}

/** An honour's title as drafted: as written where given, else composed from sector and session. */
export const honourTitle = (h: Pick<DraftRecord, 'title' | 'sector' | 'session' | 'asWritten'>) => h.asWritten ?? withSession(withSector(h.title, h.sector), h.session);

/**
 * 浙江省 + 第十五届 + 劳动模范 → 浙江省第十五届劳动模范: the place before a numbered session;
 * a year (2019年度) leads.
 */
export function withSession(title: string, session: string | null | undefined): string {
  if (!session || title.includes(session)) return title;
  if (/^\d{4}年度?$/.test(session)) return `${session}${title}`;
  const place = PLACE.exec(title)?.[0];
  return place ? `${place}${session}${title.slice(place.length)}` : `${session}${title}`;
}

/** How the union states a title (DESIGN.md, "Verbs by kind"). */
export function titlePhrase(title: string): { verb: '荣获' | '被评为' | '被授予'; text: string } {
  if (/(奖章|奖)$/.test(title)) return { verb: '荣获', text: `“${title}”` };
  if (/(劳动模范|劳模|先进工作者|先进个人|先进职工|先进集体|标兵|工匠|积极分子|天使|优秀[\p{Script=Han}]{0,4}(干部|党员|护士|医师|医生|教师|工作者))$/u.test(title)) return { verb: '被评为', text: title };
  return { verb: '被授予', text: `“${title}”称号` };
}

/** 浙江省医药行业特有职业技能竞赛 + 全国医药行业特有职业技能竞赛 → 浙江省和全国医药行业特有职业技能竞赛. */
export function joinNames(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length === 1) return unique[0];
  let suffix = 0;
  const shortest = Math.min(...unique.map((n) => n.length));
  while (suffix < shortest && unique.every((n) => n[n.length - 1 - suffix] === unique[0][unique[0].length - 1 - suffix])) suffix++;
  if (suffix >= 4 && unique.every((n) => n.length - suffix >= 1)) {
    return joinList(unique.map((n) => n.slice(0, n.length - suffix))) + unique[0].slice(unique[0].length - suffix);
  }
  return joinList(unique);
}

/** 二等奖、三等奖 → 二、三等奖; 二等奖、二等奖 → 二等奖; 二等奖、优胜奖 → 二等奖和优胜奖; 团体亚军、个人亚军 → 团体和个人亚军. */
export function joinResults(labels: string[]): string {
  if (new Set(labels).size === 1) return labels[0];
  if (labels.every((l) => /^.等奖$/.test(l))) return `${labels.map((l) => l[0]).join('、')}等奖`;
  // One result in several divisions: the divisions joined, the result once.
  const shared = GRADES.map((g) => g.label).find((g) => labels.every((l) => l.endsWith(g) && l.length > g.length));
  if (shared) return `${joinList(labels.map((l) => l.slice(0, -shared.length)))}${shared}`;
  return joinList(labels);
}

/** 以96分通过验收，— the number as entered. */
const passedWith = (score: number) => `以${Number.isInteger(score) ? score : score.toFixed(1).replace(/\.0$/, '')}分通过验收，`;

const personNamed = (p: DraftRecord['people'][number]) => `${p.office ?? ''}${p.name}`;

function whoOf(r: DraftRecord): string {
  const names = r.people.map(personNamed);
  // Holders known by number only: 我院12名护士.
  if (r.collective) names.push(r.holders ? `${r.collective.name}${r.holders.count}名${r.holders.noun}` : r.collective.name);
  return joinList(names, '和');
}

/** P:<id> for one person, D:<id> for a department, several joined with +; a count of holders apart. */
function recipientKeyOf(r: DraftRecord): string {
  const key = [...r.people.map((p) => p.id), ...(r.collective ? [r.collective.key] : [])].sort().join('+');
  return r.holders ? `${key}#${r.holders.count}${r.holders.noun}` : key;
}

interface Clause {
  subject: string;
  predicate: string;
  recordIds: string[];
  rankKey: string;
  /** The earliest of its records. */
  date: string;
  recipientKey?: string;
  bestLevel: Level;
  /** The result part of its best-ranked record's rank key (a title ranks above every prize). */
  bestResult: string;
}

const levelOrder = (l: Level) => LEVELS.findIndex((x) => x.value === l);

const byDate = (a: DraftRecord, b: DraftRecord) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rankKey < b.rankKey ? -1 : 1);

/** The level part of a rank key: the level's place under the institution's ranking policy. */
const levelPart = (rankKey: string) => rankKey.slice(0, rankKey.indexOf('.'));

/** Highest level first (by the policy); within a level, the year told in the order it happened; then by rank. */
const inTellingOrder = (a: Clause, b: Clause) =>
  levelPart(a.rankKey).localeCompare(levelPart(b.rankKey)) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.rankKey < b.rankKey ? -1 : a.rankKey > b.rankKey ? 1 : a.recordIds[0] < b.recordIds[0] ? -1 : 1);

/** The result part of a rank key: the record's grade tier or placement under the policy. */
const resultPart = (rankKey: string) => rankKey.split('.')[1];
const bestResultOf = (rs: { rankKey: string }[]) => rs.map((r) => resultPart(r.rankKey)).sort()[0];

/** Culture and sports results best prize first (一等奖, 二等奖, 三等奖), then as inTellingOrder. */
const inPrizeOrder = (a: Clause, b: Clause) => a.bestResult.localeCompare(b.bestResult) || inTellingOrder(a, b);

const earliest = (rs: DraftRecord[]) => rs.map((r) => r.date).sort()[0];

/** The honours of one recipient, grouped by verb: 荣获“…奖章”，被评为…，被授予“…”称号. */
function honourPhrases(honours: DraftRecord[]): string[] {
  const byVerb = new Map<string, string[]>();
  const scored: string[] = [];
  for (const h of honours) {
    const { verb, text } = titlePhrase(honourTitle(h));
    // An inspected title reads with its score, on its own: 以96分通过验收，被授予“…”称号.
    if (h.score != null) scored.push(`${passedWith(h.score)}${verb}${text}`);
    else byVerb.set(verb, [...(byVerb.get(verb) ?? []), text]);
  }
  return [...[...byVerb].map(([verb, texts]) => (verb === '被授予' && texts.length > 1 ? `被授予${joinList(texts.map((t) => t.replace(/称号$/, '')), '、')}称号` : `${verb}${joinList(texts, '、')}`)), ...scored];
}

/** Titles that followed from these awards: ，被授予“…”称号. */
function titlesClause(honours: DraftRecord[]): string {
  return honours.length ? `，${honourPhrases(honours).join('，')}` : '';
}

function awardClauses(awards: DraftRecord[], honoursByAward: Map<string, DraftRecord[]>): Clause[] {
  const clauses: Clause[] = [];
  const used = new Set<string>();
  const attached = (rs: DraftRecord[]) => rs.flatMap((r) => honoursByAward.get(r.id) ?? []);
  const clause = (subject: string, predicate: string, rs: DraftRecord[], recipientKey?: string) => {
    const honours = attached(rs);
    const all = [...rs, ...honours];
    clauses.push({
      subject,
      predicate: predicate + titlesClause(honours),
      recordIds: all.map((r) => r.id),
      rankKey: all.map((r) => r.rankKey).sort()[0],
      date: earliest(rs),
      recipientKey,
      bestLevel: rs.map((r) => r.level).sort((a, b) => levelOrder(a) - levelOrder(b))[0],
      bestResult: bestResultOf(rs),
    });
  };

  // Several recipients (people or teams), one result each, in one competition: …分获二等奖和优胜奖.
  const perRecipient = new Map<string, DraftRecord[]>();
  for (const a of awards) perRecipient.set(recipientKeyOf(a), [...(perRecipient.get(recipientKeyOf(a)) ?? []), a]);
  const byCompetition = new Map<string, DraftRecord[]>();
  for (const a of awards) {
    if (a.people.length + (a.collective ? 1 : 0) !== 1 || perRecipient.get(recipientKeyOf(a))!.length !== 1) continue;
    byCompetition.set(a.title, [...(byCompetition.get(a.title) ?? []), a]);
  }
  for (const [title, group] of byCompetition) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((x, y) => (x.rankKey < y.rankKey ? -1 : 1));
    const labels = sorted.map((r) => r.resultLabel);
    const who = joinList(sorted.map(whoOf), '、');
    const predicate = new Set(labels).size === 1 ? `均获${levelled(title, sorted[0].level, sorted[0].organiser)}${labels[0]}` : `分获${levelled(title, sorted[0].level, sorted[0].organiser)}${joinResults(labels)}`;
    clause(who, predicate, sorted);
    sorted.forEach((r) => used.add(r.id));
  }

  // Two people with one result each, of one category at one level: one sentence, as the
  // union writes it (甲和乙分别在A和B中荣获二、三等奖).
  const single = (a: DraftRecord) => !used.has(a.id) && a.people.length === 1 && !a.collective && !a.vague && !honoursByAward.has(a.id) && perRecipient.get(recipientKeyOf(a))!.length === 1;
  const byKind = new Map<string, DraftRecord[]>();
  for (const a of awards.filter(single)) byKind.set(`${a.level}|${a.category ?? ''}`, [...(byKind.get(`${a.level}|${a.category ?? ''}`) ?? []), a]);
  for (const group of byKind.values()) {
    if (group.length !== 2 || group[0].resultLabel === group[1].resultLabel) continue;
    const pair = [...group].sort((x, y) => (x.rankKey < y.rankKey ? -1 : 1));
    const events = levelledNames(pair, joinList, (n) => n.replace(/比赛$/, ''));
    clause(joinList(pair.map((r) => personNamed(r.people[0]))), `分别在${events}中荣获${joinResults(pair.map((r) => r.resultLabel))}`, pair);
    pair.forEach((r) => used.add(r.id));
  }

  // Each recipient's results together: …在A和B中分别荣获二、三等奖.
  for (const [key, list] of perRecipient) {
    // One recipient's results in the order they came (在浙江省和全国…中分别荣获).
    const rs = list.filter((r) => !used.has(r.id)).sort(byDate);
    if (!rs.length) continue;
    const who = whoOf(rs[0]);
    if (rs.length === 1) {
      const r = rs[0];
      clause(who, r.vague ? `在${levelled(r.title, r.level, r.organiser)}中获得${r.resultLabel}` : `获${levelled(r.title, r.level, r.organiser)}${r.resultLabel}`, rs, key);
    } else if (new Set(rs.map((r) => r.category ?? '')).size === 1) {
      const names = levelledNames(rs, joinNames);
      clause(who, `在${names}中分别荣获${joinResults(rs.map((r) => r.resultLabel))}`, rs, key);
    } else {
      clause(who, `同时荣获${joinList(byCategory(rs).map(resultsIn), '及')}`, rs, key);
    }
  }
  return clauses;
}

/** One recipient's results of several kinds: a group per kind, the larger first, each in the order it came. */
function byCategory(rs: DraftRecord[]): DraftRecord[][] {
  const groups = new Map<string, DraftRecord[]>();
  for (const r of rs) groups.set(r.category ?? '', [...(groups.get(r.category ?? '') ?? []), r]);
  return [...groups.values()].sort((a, b) => b.length - a.length || (earliest(a) < earliest(b) ? -1 : 1));
}

/** 市微型党课和卫生系统微型党课二、三等奖; 征文比赛一等奖 — names joined lose their 比赛, one alone keeps it. */
const resultsIn = (g: DraftRecord[]) => `${levelledNames(g, joinNames, g.length > 1 ? (n) => n.replace(/比赛$/, '') : undefined)}${joinResults(g.map((r) => r.resultLabel))}`;

/** 系第三次获此殊荣 (one title in the sentence); 其中“…”系第三次获得 (one of several). */
function timesWonPhrases(rs: DraftRecord[]): string[] {
  const again = rs.filter((r) => (r.timesWon ?? 0) >= 2);
  if (rs.length === 1) return again.map((r) => `系第${chineseNumber(r.timesWon!)}次获此殊荣`);
  return again.map((r) => `其中“${honourTitle(r)}”系第${chineseNumber(r.timesWon!)}次获得`);
}

function titleClauses(records: DraftRecord[]): Clause[] {
  const byRecipient = new Map<string, DraftRecord[]>();
  for (const r of records) byRecipient.set(recipientKeyOf(r), [...(byRecipient.get(recipientKeyOf(r)) ?? []), r]);
  const clauses: Clause[] = [];
  for (const [key, list] of byRecipient) {
    const rs = [...list].sort((x, y) => (x.rankKey < y.rankKey ? -1 : 1));
    const parts: string[] = [];
    const posts = rs.filter((r) => r.civilisedPost);
    const honours = rs.filter((r) => r.kind === 'HONOUR' && !r.civilisedPost);
    const workers = rs.filter((r) => r.kind === 'MODEL_WORKER');
    const plainPosts = posts.filter((r) => r.score == null);
    if (plainPosts.length) parts.push(`被命名为${joinList(plainPosts.map((r) => `“${honourTitle(r)}”`), '、')}`);
    for (const r of posts.filter((p) => p.score != null)) parts.push(`${passedWith(r.score!)}被命名为“${honourTitle(r)}”`);
    parts.push(...honourPhrases(honours));
    if (workers.length) parts.push(`被评为${joinList(workers.map((r) => withSession(r.title, r.session)), '、')}`);
    parts.push(...timesWonPhrases(rs));
    clauses.push({
      subject: whoOf(rs[0]),
      predicate: parts.join('，'),
      recordIds: rs.map((r) => r.id),
      rankKey: rs[0].rankKey,
      date: earliest(rs),
      recipientKey: key,
      bestLevel: rs[0].level,
      bestResult: bestResultOf(rs),
    });
  }
  return clauses;
}

/** States a streak where the recipient's sentence carries a result at that level or above. */
function withStreak(c: Clause, streaks: Map<string, DraftStreak>): string {
  const s = c.recipientKey ? streaks.get(c.recipientKey) : undefined;
  if (!s || levelOrder(c.bestLevel) > levelOrder(s.level)) return `${c.subject}${c.predicate}。`;
  return `${c.subject}已连续${chineseNumber(s.years, { counting: true })}年在${LEVEL_WORDS[s.level]}赛事上获奖，今年再次${c.predicate}。`;
}

function summarySentence(input: DraftInput, allIds: string[]): Sentence {
  const { summary, year } = input;
  const levels = summary.byLevel.filter((l) => l.count > 0 && l.level !== 'UNSPECIFIED').map((l) => `${LEVEL_WORDS[l.level] === '全国' ? '国家' : LEVEL_WORDS[l.level]}级${l.count}项`);
  const unstated = summary.byLevel.find((l) => l.level === 'UNSPECIFIED')?.count ?? 0;
  let text = `${year}年度，${input.subject}职工共获得各级奖项和荣誉${summary.total}项`;
  if (levels.length) text += `，其中${levels.join('、')}`;
  if (unstated) text += levels.length ? `，另有${unstated}项未注明级别` : `，均未注明级别`;
  if (summary.people) text += `，涉及职工${summary.people}人${summary.women ? `（其中女职工${summary.women}人）` : ''}`;
  if (summary.previousTotal !== null) {
    const delta = summary.total - summary.previousTotal;
    text += delta === 0 ? `，与${year - 1}年持平` : `，比${year - 1}年${delta > 0 ? '增加' : '减少'}${Math.abs(delta)}项`;
  } else {
    // No verified record the year before: a comparison would mislead, and the writer is told why there is none.
    text += `（${year - 1}年无已审核记录，未作比较）`;
  }
  return { text: `${text}。`, recordIds: allIds };
}

/** 组织全院职工A及B。组织全院职工C，参赛职工200余人。 — the union's own events lead their paragraph. */
function hostedSentences(hosted: DraftHosted[], staff: string): Sentence[] {
  const plain = hosted.filter((h) => !h.participants);
  const sentences = plain.length ? [{ text: `组织${staff}职工${joinList(plain.map((h) => h.name), '及')}。`, recordIds: plain.map((h) => h.id) }] : [];
  for (const h of hosted.filter((x) => x.participants)) sentences.push({ text: `组织${staff}职工${h.name}，参赛职工${h.participants}。`, recordIds: [h.id] });
  return sentences;
}

export function draftNarrative(input: DraftInput): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const records = [...input.records].sort((a, b) => (a.rankKey < b.rankKey ? -1 : a.rankKey > b.rankKey ? 1 : a.id < b.id ? -1 : 1));
  const ids = new Set(records.map((r) => r.id));
  const honoursByAward = new Map<string, DraftRecord[]>();
  for (const r of records) if (r.kind === 'HONOUR' && r.followsFrom && ids.has(r.followsFrom)) honoursByAward.set(r.followsFrom, [...(honoursByAward.get(r.followsFrom) ?? []), r]);
  const attachedIds = new Set([...honoursByAward.values()].flat().map((r) => r.id));
  const streaks = new Map(input.streaks.map((s) => [s.recipientKey, s]));
  const hosted = input.hosted ?? [];
  const hostedWork = hostedSentences(hosted.filter((h) => !CULTURE.has(h.category)), input.staff);
  const hostedCulture = hostedSentences(hosted.filter((h) => CULTURE.has(h.category)), input.staff);

  paragraphs.push(
    records.length
      ? { heading: '概况', sentences: [summarySentence(input, records.map((r) => r.id))] }
      : { heading: '获奖与荣誉', sentences: [{ text: `${input.year}年度，${input.subject}暂无经审核的获奖和荣誉记录。`, recordIds: [] }] },
  );
  const awards = records.filter((r) => r.kind === 'AWARD');
  const professional = awardClauses(awards.filter((r) => !CULTURE.has(r.category ?? '')), honoursByAward);
  const titles = titleClauses(records.filter((r) => r.kind !== 'AWARD' && !attachedIds.has(r.id)));
  const work = [...professional, ...titles].sort(inTellingOrder);
  const culture = awardClauses(awards.filter((r) => CULTURE.has(r.category ?? '')), honoursByAward).sort(inPrizeOrder);
  const told = (c: Clause) => ({ text: withStreak(c, streaks), recordIds: c.recordIds });
  // Empty paragraphs are dropped at the end.
  paragraphs.push({ heading: '岗位建功', sentences: [...hostedWork, ...work.map(told)] }, { heading: '文体活动', sentences: [...hostedCulture, ...culture.map(told)] });

  if (input.donations.length) {
    // A department that gave is named; staff who gave are the institution's (全院) or the subject's; else the subject gave.
    const giver = (d: DraftDonation) => d.donor ?? (d.byStaff ? input.staff : input.subject);
    const byCampaign = new Map<string, DraftDonation[]>();
    for (const d of input.donations) byCampaign.set(d.campaign ?? '', [...(byCampaign.get(d.campaign ?? '') ?? []), d]);
    const sentences = [...byCampaign.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
      .map(([campaign, ds]) => {
        const byGiver = new Map<string, string[]>();
        for (const d of ds) byGiver.set(giver(d), [...(byGiver.get(giver(d)) ?? []), d.phrase]);
        const parts = [...byGiver].map(([who, phrases]) => `${who}${joinList(phrases, '、')}`);
        return { text: `${campaign ? `在${quoted(campaign)}活动中，` : ''}${parts.join('，')}。`, recordIds: ds.flatMap((d) => d.recordIds) };
      });
    paragraphs.push({ heading: '爱心奉献', sentences });
  }
  return paragraphs.filter((p) => p.sentences.length);
}

/** “抗疫捐款”; a name that brings its own quotes keeps them. */
const quoted = (name: string) => (/[“”"]/.test(name) ? name.replace(/活动$/, '') : `“${name.replace(/活动$/, '')}”`);

export const paragraphText = (p: Paragraph) => p.sentences.map((s) => s.text).join('');
