// The federation report's drafted narrative (全系统…): deterministic, and every sentence
// names the institutions it sums over and the records it states.
import { label, type Level } from '../vocabulary/vocabulary.js';
import { joinList } from '../reports/narrative.js';

export interface FederationSentence {
  text: string;
  institutionIds: string[];
  recordIds: string[];
}

export interface FederationDraftInput {
  year: number;
  institutions: { id: string; name: string; achievements: number; byLevel: { level: Level; count: number }[]; peopleAwarded: number; womenAwarded: number }[];
  leaders: { level: Level; institutions: { id: string; name: string; count: number }[] }[];
  highlights: { id: string; institutionId: string; text: string }[];
}

export function draftFederationNarrative(input: FederationDraftInput): FederationSentence[] {
  const { year, institutions } = input;
  const reporting = institutions.filter((i) => i.achievements > 0);
  const sentences: FederationSentence[] = [];
  if (!reporting.length) {
    return [{ text: `${year}年度，全系统${institutions.length}家单位暂无经审核的获奖和荣誉记录。`, institutionIds: institutions.map((i) => i.id), recordIds: [] }];
  }
  const total = reporting.reduce((n, i) => n + i.achievements, 0);
  const levels = new Map<Level, number>();
  for (const i of reporting) for (const l of i.byLevel) levels.set(l.level, (levels.get(l.level) ?? 0) + l.count);
  const levelParts = [...levels].filter(([, n]) => n > 0).map(([level, n]) => `${label('level', level)}${n}项`);
  sentences.push({
    text: `${year}年度，全系统共有${reporting.length}家单位的职工获得各级奖项和荣誉${total}项${levelParts.length ? `，其中${joinList(levelParts, '、')}` : ''}。`,
    institutionIds: reporting.map((i) => i.id),
    recordIds: [],
  });
  const people = reporting.reduce((n, i) => n + i.peopleAwarded, 0);
  const women = reporting.reduce((n, i) => n + i.womenAwarded, 0);
  if (people) sentences.push({ text: `获奖职工${people}人，其中女职工${women}人。`, institutionIds: reporting.map((i) => i.id), recordIds: [] });
  for (const { level, institutions: top } of input.leaders) {
    if (!top.length) continue;
    sentences.push({
      text: `${label('level', level)}奖项和荣誉以${joinList(top.map((t) => `${t.name}（${t.count}项）`), '、')}最多。`,
      institutionIds: top.map((t) => t.id),
      recordIds: [],
    });
  }
  if (input.highlights.length) {
    sentences.push({
      text: `其中，${input.highlights.map((h) => h.text).join('；')}。`,
      institutionIds: [...new Set(input.highlights.map((h) => h.institutionId))],
      recordIds: input.highlights.map((h) => h.id),
    });
  }
  const silent = institutions.filter((i) => i.achievements === 0);
  if (silent.length) sentences.push({ text: `另有${silent.length}家单位本年度暂无经审核的记录。`, institutionIds: silent.map((i) => i.id), recordIds: [] });
  return sentences;
}
