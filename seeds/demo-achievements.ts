// The achievements of the 2020 union report of 绍兴市中医院 (../shared/reference), as
// records: every award and title of its achievements paragraphs, the culture results, the
// donations, and 西药剂科's provincial 巾帼文明岗 campaign as planned. Dates, conferring
// bodies and 中药剂科's 2018–2019 results are filled in for the demo where the report gives
// none; no number is. Each record's note points at where the report states it.

export interface DemoCompetition {
  key: string;
  name: string;
  brand?: string;
  organiser?: string;
  level: string;
  sector?: string;
  category: string;
  year: number;
  /** The union's own event (组织全院职工…). */
  hostedByUnion?: boolean;
  edition?: string;
}

export interface DemoAward {
  competition: string;
  people?: string[];
  department?: string;
  grade?: string;
  placement?: number;
  resultText?: string;
  date: string;
  note: string;
}

export interface DemoHonour {
  title: string;
  honourKind: string;
  conferredBy: string;
  level: string;
  person?: string;
  department?: string;
  year: number;
  date?: string;
  /** The award it followed from: competition key and staff number. */
  followsFrom?: { competition: string; person: string };
  note: string;
}

export interface DemoDonation {
  kind: string;
  donorCount?: number;
  institution?: boolean;
  quantity: number;
  approximate?: boolean;
  campaign?: string;
  date: string;
  note: string;
}

// Where each record is stated in the reference report (a pointer, not its words).
const FROM_SKILLS = '来源：2020年度工会工作报告，第一部分第二节';
const FROM_CULTURE = '来源：2020年度工会工作报告，第一部分第三节（文体活动）';
const FROM_CARE = '来源：2020年度工会工作报告，第一部分第三节（善于聚力）';

export const demoCompetitions: DemoCompetition[] = [
  // The union's own events of 2020, as the report names them (it gives no number of participants).
  { key: 'winter-games', name: '冬季趣味运动会', level: 'INSTITUTION', category: 'SPORTS', year: 2020, hostedByUnion: true },
  { key: 'basketball', name: '市级医院篮球邀请赛', level: 'MUNICIPAL', category: 'SPORTS', year: 2020, hostedByUnion: true },
  { key: 'zj-pharma-skills', name: '浙江省医药行业特有职业技能竞赛', level: 'PROVINCIAL', sector: '医药行业', category: 'SKILLS', year: 2020 },
  { key: 'cn-pharma-skills', name: '全国医药行业特有职业技能竞赛', level: 'NATIONAL', sector: '医药行业', category: 'SKILLS', year: 2020 },
  { key: 'tjt-2018', name: '中药材真伪鉴别全国大赛', brand: '桐君堂杯', level: 'NATIONAL', category: 'SKILLS', year: 2018 },
  { key: 'tjt-2019', name: '中药材真伪鉴别全国大赛', brand: '桐君堂杯', level: 'NATIONAL', category: 'SKILLS', year: 2019 },
  { key: 'tjt-2020', name: '中药材真伪鉴别全国大赛', brand: '桐君堂杯', level: 'NATIONAL', category: 'SKILLS', year: 2020 },
  { key: 'tongde-teaching', name: '同德住培讲课比赛', organiser: '浙江省立同德医院', level: 'PROVINCIAL', category: 'TEACHING', year: 2020 },
  { key: 'tcmu-teaching', name: '中医药大学教学实习讲课比赛', organiser: '浙江中医药大学', level: 'PROVINCIAL', category: 'TEACHING', year: 2020 },
  { key: 'reading', name: '中西医结合医联体读片系列赛', level: 'PROVINCIAL', category: 'ACADEMIC', year: 2020 },
  { key: 'ultrasound', name: '超声技能大赛', level: 'MUNICIPAL', category: 'SKILLS', year: 2020 },
  { key: 'tcm-skills', name: '中医综合技能竞赛', level: 'MUNICIPAL', category: 'SKILLS', year: 2020 },
  { key: 'icu-skills', name: '重症技能比赛', level: 'MUNICIPAL', category: 'SKILLS', year: 2020 },
  { key: 'equipment', name: '设备技能大赛', level: 'MUNICIPAL', category: 'SKILLS', year: 2020 },
  { key: 'party-lecture', name: '微型党课比赛', level: 'MUNICIPAL', category: 'IDEOLOGY', year: 2020 },
  { key: 'health-party-lecture', name: '卫生系统微型党课比赛', level: 'MUNICIPAL', sector: '卫生系统', category: 'IDEOLOGY', year: 2020 },
  // The report names the essay contest without its level or which of the year's essay campaigns it was.
  { key: 'essay', name: '征文比赛', level: 'UNSPECIFIED', category: 'CULTURE', year: 2020 },
  { key: 'calligraphy', name: '市直卫生健康系统书法比赛', level: 'MUNICIPAL', sector: '市直卫生健康系统', category: 'CULTURE', year: 2020 },
  { key: 'photo', name: '摄影大赛', brand: '云影杯', organiser: '浙江省医学会放射学分会', level: 'PROVINCIAL', category: 'CULTURE', year: 2020 },
];

export const demoAwards: DemoAward[] = [
  { competition: 'zj-pharma-skills', people: ['Z0101'], grade: 'SECOND', date: '2020-09-18', note: FROM_SKILLS },
  { competition: 'cn-pharma-skills', people: ['Z0101'], grade: 'SECOND', date: '2020-11-20', note: FROM_SKILLS },
  { competition: 'tjt-2018', department: 'ZYJK', grade: 'THIRD', date: '2018-10-26', note: '演示数据：中药剂科连续三年在全国赛事上获奖（2018年）' },
  { competition: 'tjt-2019', department: 'ZYJK', grade: 'SECOND', date: '2019-10-25', note: '演示数据：中药剂科连续三年在全国赛事上获奖（2019年）' },
  { competition: 'tjt-2020', department: 'ZYJK', resultText: '多项奖项', date: '2020-10-30', note: FROM_SKILLS },
  { competition: 'tongde-teaching', people: ['Z0102'], grade: 'SECOND', date: '2020-07-10', note: FROM_SKILLS },
  { competition: 'tcmu-teaching', people: ['Z0103'], grade: 'THIRD', date: '2020-06-19', note: FROM_SKILLS },
  { competition: 'reading', people: ['Z0104'], grade: 'SECOND', date: '2020-08-28', note: FROM_SKILLS },
  { competition: 'ultrasound', people: ['Z0105'], grade: 'THIRD', date: '2020-09-11', note: FROM_SKILLS },
  { competition: 'tcm-skills', people: ['Z0106'], grade: 'FIRST', date: '2020-10-16', note: FROM_SKILLS },
  { competition: 'icu-skills', people: ['Z0107'], grade: 'SECOND', date: '2020-11-06', note: FROM_SKILLS },
  { competition: 'equipment', people: ['Z0108'], grade: 'THIRD', date: '2020-12-04', note: FROM_SKILLS },
  { competition: 'party-lecture', people: ['Z0115'], grade: 'SECOND', date: '2020-06-30', note: FROM_CULTURE },
  { competition: 'health-party-lecture', people: ['Z0115'], grade: 'THIRD', date: '2020-07-15', note: FROM_CULTURE },
  { competition: 'essay', people: ['Z0115'], grade: 'FIRST', date: '2020-05-20', note: FROM_CULTURE },
  { competition: 'calligraphy', people: ['Z0116'], grade: 'SECOND', date: '2020-12-10', note: FROM_CULTURE },
  { competition: 'calligraphy', people: ['Z0117'], grade: 'MERIT', date: '2020-12-10', note: FROM_CULTURE },
  { competition: 'photo', people: ['Z0118'], grade: 'THIRD', date: '2020-11-13', note: FROM_CULTURE },
];

export const demoHonours: DemoHonour[] = [
  {
    title: '浙江省医药行业技术能手',
    honourKind: 'TECHNICAL_EXPERT',
    conferredBy: '浙江省医药行业协会',
    level: 'PROVINCIAL',
    person: 'Z0101',
    year: 2020,
    date: '2020-12-15',
    followsFrom: { competition: 'zj-pharma-skills', person: 'Z0101' },
    note: FROM_SKILLS,
  },
];

// Only what the report states with its figures: its 抗疫 money and goods have none, so the
// demo records none (a donation is a quantity; inventing one would be drafted as fact).
export const demoDonations: DemoDonation[] = [
  { kind: 'BLOOD', donorCount: 108, quantity: 27800, date: '2020-12-31', note: FROM_CARE },
  { kind: 'STEM_CELL_REGISTRATION', donorCount: 28, quantity: 28, date: '2020-05-20', note: FROM_CARE },
  { kind: 'BOOKS', institution: true, quantity: 300, approximate: true, campaign: '“越读”书吧捐书', date: '2020-04-23', note: FROM_CARE },
];

export const demoCampaigns = [
  {
    department: 'XYJK',
    title: 'WOMEN_CIVILISED_POST',
    level: 'PROVINCIAL',
    year: 2021,
    steps: [
      // The report plans it for 2021 and states no step beyond that.
      { to: 'PLANNED', date: '2021-01-01', note: '来源：2020年度工会工作报告，2021年度工作思路第五条' },
    ],
  },
];
