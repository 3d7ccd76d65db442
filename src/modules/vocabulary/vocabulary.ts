// The domain's fixed vocabularies: each value with its Chinese label and, where order
// matters, its rank (lower ranks first).

export interface Term<V extends string = string> {
  value: V;
  label: string;
  rank: number;
}

function terms<V extends string>(entries: [V, string][]): Term<V>[] {
  return entries.map(([value, label], rank) => ({ value, label, rank }));
}

export const LEVELS = terms([
  ['INTERNATIONAL', '国际级'],
  ['NATIONAL', '国家级'],
  ['PROVINCIAL', '省级'],
  ['MUNICIPAL', '市级'],
  ['DISTRICT', '区县级'],
  ['TOWN', '镇街级'],
  ['INSTITUTION', '院级'],
  // The report states a result without its level: counted apart, never in a level's total.
  ['UNSPECIFIED', '级别未注明'],
] as const);
export type Level = (typeof LEVELS)[number]['value'];

/** How the narrative names a level inside a sentence (在省、市赛事中). */
export const LEVEL_WORDS: Record<Level, string> = {
  INTERNATIONAL: '国际',
  NATIONAL: '全国',
  PROVINCIAL: '省',
  MUNICIPAL: '市',
  DISTRICT: '区',
  TOWN: '镇',
  INSTITUTION: '院',
  UNSPECIFIED: '',
};

/**
 * Results with their rank under the default policy: medals and 冠军/亚军/季军 rank with the
 * matching prize; an organisation award (to a unit, for organising its people) after prizes.
 */
export const GRADES: Term<'SPECIAL' | 'FIRST' | 'SECOND' | 'THIRD' | 'GOLD' | 'SILVER' | 'BRONZE' | 'CHAMPION' | 'RUNNER_UP' | 'THIRD_PLACE' | 'EXCELLENCE' | 'MERIT' | 'EXCELLENT_ORGANISATION' | 'ORGANISATION'>[] = [
  { value: 'SPECIAL', label: '特等奖', rank: 0 },
  { value: 'FIRST', label: '一等奖', rank: 1 },
  { value: 'SECOND', label: '二等奖', rank: 2 },
  { value: 'THIRD', label: '三等奖', rank: 3 },
  { value: 'GOLD', label: '金奖', rank: 1 },
  { value: 'SILVER', label: '银奖', rank: 2 },
  { value: 'BRONZE', label: '铜奖', rank: 3 },
  { value: 'CHAMPION', label: '冠军', rank: 1 },
  { value: 'RUNNER_UP', label: '亚军', rank: 2 },
  { value: 'THIRD_PLACE', label: '季军', rank: 3 },
  { value: 'EXCELLENCE', label: '优秀奖', rank: 4 },
  { value: 'MERIT', label: '优胜奖', rank: 5 },
  { value: 'EXCELLENT_ORGANISATION', label: '优秀组织奖', rank: 6 },
  { value: 'ORGANISATION', label: '组织奖', rank: 7 },
];
export type Grade = (typeof GRADES)[number]['value'];

export const CATEGORIES = terms([
  ['SKILLS', '职业技能'],
  ['TEACHING', '教学'],
  ['ACADEMIC', '学术'],
  ['CULTURE', '文化'],
  ['SPORTS', '体育'],
  ['IDEOLOGY', '思想政治'],
  ['OTHER', '其他'],
] as const);
export type Category = (typeof CATEGORIES)[number]['value'];

export const HONOUR_KINDS = terms([
  ['TECHNICAL_EXPERT', '技术能手'],
  ['MODEL_WORKER', '劳动模范'],
  ['ADVANCED_WORKER', '先进工作者'],
  ['CRAFTSMAN', '工匠'],
  ['MARCH_8TH_RED_BANNER', '三八红旗手/集体'],
  ['WORKERS_HOME', '先进/模范职工之家'],
  ['CIVILISED_POST', '文明岗'],
  ['OTHER', '其他荣誉'],
] as const);
export type HonourKind = (typeof HONOUR_KINDS)[number]['value'];

/** Who may hold each kind of honour. */
export const HONOUR_RECIPIENTS: Record<HonourKind, 'PERSON' | 'COLLECTIVE' | 'EITHER'> = {
  TECHNICAL_EXPERT: 'PERSON',
  MODEL_WORKER: 'PERSON',
  ADVANCED_WORKER: 'PERSON',
  CRAFTSMAN: 'PERSON',
  MARCH_8TH_RED_BANNER: 'EITHER',
  WORKERS_HOME: 'COLLECTIVE',
  CIVILISED_POST: 'COLLECTIVE',
  OTHER: 'EITHER',
};

export const MODEL_WORKER_TITLES = terms([
  ['MODEL_WORKER', '劳动模范'],
  ['ADVANCED_WORKER', '先进工作者'],
  ['MAY_DAY_MEDAL', '五一劳动奖章'],
  ['CRAFTSMAN', '工匠'],
] as const);
export type ModelWorkerTitle = (typeof MODEL_WORKER_TITLES)[number]['value'];

export const CIVILISED_POST_TITLES = terms([
  ['WOMEN_CIVILISED_POST', '巾帼文明岗'],
  ['YOUTH_CIVILISED_POST', '青年文明号'],
  ['WORKER_PIONEER_POST', '工人先锋号'],
] as const);
export type CivilisedPostTitle = (typeof CIVILISED_POST_TITLES)[number]['value'];

export const DONATION_KINDS: (Term<'MONEY' | 'GOODS' | 'BLOOD' | 'STEM_CELL_REGISTRATION' | 'BOOKS' | 'VOLUNTEER_HOURS'> & { unit: string; verb: string })[] = [
  { value: 'MONEY', label: '捐款', rank: 0, unit: '元', verb: '捐款' },
  { value: 'GOODS', label: '捐物', rank: 1, unit: '件', verb: '捐物' },
  { value: 'BLOOD', label: '无偿献血', rank: 2, unit: '毫升', verb: '献血' },
  { value: 'STEM_CELL_REGISTRATION', label: '造血干细胞登记', rank: 3, unit: '人', verb: '登记捐献造血干细胞' },
  { value: 'BOOKS', label: '捐书', rank: 4, unit: '本', verb: '捐书' },
  { value: 'VOLUNTEER_HOURS', label: '志愿服务', rank: 5, unit: '小时', verb: '志愿服务' },
];
export type DonationKind = (typeof DONATION_KINDS)[number]['value'];

export const RECORD_STATUSES = terms([
  ['DRAFT', '草稿'],
  ['SUBMITTED', '待审核'],
  ['VERIFIED', '已审核'],
  ['RETURNED', '已退回'],
] as const);
export type RecordStatus = (typeof RECORD_STATUSES)[number]['value'];

export const HONOUR_STATES = terms([
  ['ACTIVE', '有效'],
  ['UNDER_REVIEW', '复查中'],
  ['EXPIRED', '已到期'],
  ['REVOKED', '已撤销'],
] as const);
export type HonourState = (typeof HONOUR_STATES)[number]['value'];

export const CAMPAIGN_STATUSES = terms([
  ['PLANNED', '计划创建'],
  ['APPLIED', '已申报'],
  ['INSPECTED', '已验收'],
  ['NAMED', '已命名'],
  ['NOT_PASSED', '未通过'],
] as const);
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]['value'];

export const ACHIEVEMENT_KINDS = terms([
  ['AWARD', '获奖'],
  ['HONOUR', '荣誉称号'],
  ['MODEL_WORKER', '劳模/工匠'],
] as const);
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number]['value'];

const index = <T extends Term>(list: T[]) => new Map(list.map((t) => [t.value, t]));
const maps = {
  level: index(LEVELS),
  grade: index(GRADES),
  category: index(CATEGORIES),
  honourKind: index(HONOUR_KINDS),
  modelWorkerTitle: index(MODEL_WORKER_TITLES),
  civilisedPostTitle: index(CIVILISED_POST_TITLES),
  donationKind: index(DONATION_KINDS),
  recordStatus: index(RECORD_STATUSES),
  honourState: index(HONOUR_STATES),
  campaignStatus: index(CAMPAIGN_STATUSES),
  achievementKind: index(ACHIEVEMENT_KINDS),
};
export type Vocabulary = keyof typeof maps;

export function term(vocabulary: Vocabulary, value: string): Term {
  const t = maps[vocabulary].get(value as never);
  if (!t) throw new Error(`unknown ${vocabulary} ${value}`);
  return t;
}

export const label = (vocabulary: Vocabulary, value: string) => term(vocabulary, value).label;
export const levelRank = (level: string) => term('level', level).rank;
export const donationKind = (kind: string) => maps.donationKind.get(kind as DonationKind)!;

export const values = <V extends string>(list: Term<V>[]) => list.map((t) => t.value) as [V, ...V[]];
