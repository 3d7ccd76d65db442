// Words messages share: roles and the record nouns, in each language.
import { label, type Vocabulary } from '../modules/vocabulary/vocabulary.js';

const ROLE_NAMES: Record<string, string> = {
  ADMIN: '管理员',
  VERIFIER: '审核员',
  CLERK: '录入员',
  VIEWER: '查阅者',
  FEDERATION_ADMIN: '系统工会管理员',
  FEDERATION_VIEWER: '系统工会查阅者',
};

export const roleName = (role: string) => ROLE_NAMES[role] ?? role;
export const roleNames = (roles: readonly string[], or: string) => roles.map(roleName).join(or);

/** A vocabulary value by its Chinese label (English messages show the value itself). */
export const termName = (vocabulary: Vocabulary, value: string) => label(vocabulary, value);

/** Kinds of record, as messages name them. */
export type RecordNoun = 'award' | 'honour' | 'designation' | 'donation';
export const NOUNS: Record<RecordNoun, { zh: string; en: string }> = {
  award: { zh: '获奖记录', en: 'award' },
  honour: { zh: '荣誉记录', en: 'honour' },
  designation: { zh: '劳模/工匠记录', en: 'model-worker designation' },
  donation: { zh: '捐赠记录', en: 'donation' },
};

export const date = (d: Date) => d.toISOString().slice(0, 10);
/** A record's year in a message: 2020年 / 2020, or that it is unknown (a title held since then). */
export const yearZh = (year: number | null) => (year == null ? '获得年份不详' : `${year}年`);
export const yearEn = (year: number | null) => (year == null ? 'year unknown' : String(year));

const TYPE_WORDS: Record<string, string> = {
  Department: '科室',
  UnionGroup: '工会小组',
  Person: '职工',
  Competition: '竞赛',
  Institution: '单位',
  User: '账号',
  Award: '获奖记录',
  Honour: '荣誉记录',
  ModelWorkerDesignation: '劳模/工匠记录',
  Donation: '捐赠记录',
  CivilisedPostCampaign: '文明岗活动',
  ImportJob: '导入任务',
};
/** A GraphQL type's name in Chinese. */
export const typeWord = (type: string) => TYPE_WORDS[type] ?? type;

/** The units a unique value may clash in. */
export type UnitNoun = 'department' | 'unionGroup' | 'person' | 'competition' | 'account' | 'institution' | 'campaign';
export const UNIT_NOUNS: Record<UnitNoun, { zh: string; en: string }> = {
  department: { zh: '科室', en: 'department' },
  unionGroup: { zh: '工会小组', en: 'union group' },
  person: { zh: '职工', en: 'person' },
  competition: { zh: '竞赛', en: 'competition' },
  account: { zh: '账号', en: 'account' },
  institution: { zh: '单位', en: 'institution' },
  campaign: { zh: '文明岗活动', en: 'campaign' },
};
