// The achievements of the 2020 union report of 绍兴市中医院 (../shared/reference), as
// records: every award and title of its achievements paragraphs, the culture results, the
// donations, and 西药剂科's provincial 巾帼文明岗 campaign in progress. Dates, conferring
// bodies and 中药剂科's 2018–2019 results are filled in for the demo where the report gives
// none; the report's own words are kept in each record's note.

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
  { key: 'essay', name: '“越读越有味，全民读好书”主题征文比赛', level: 'MUNICIPAL', category: 'CULTURE', year: 2020 },
  { key: 'calligraphy', name: '市直卫生健康系统书法比赛', level: 'MUNICIPAL', sector: '市直卫生健康系统', category: 'CULTURE', year: 2020 },
  { key: 'photo', name: '摄影大赛', brand: '云影杯', organiser: '浙江省医学会放射学分会', level: 'PROVINCIAL', category: 'CULTURE', year: 2020 },
];

export const demoAwards: DemoAward[] = [
  { competition: 'zj-pharma-skills', people: ['Z0101'], grade: 'SECOND', date: '2020-09-18', note: '高圣艳在浙江省和全国医药行业特有职业技能竞赛中分别荣获二等奖' },
  { competition: 'cn-pharma-skills', people: ['Z0101'], grade: 'SECOND', date: '2020-11-20', note: '高圣艳在浙江省和全国医药行业特有职业技能竞赛中分别荣获二等奖' },
  { competition: 'tjt-2018', department: 'ZYJK', grade: 'THIRD', date: '2018-10-26', note: '演示数据：中药剂科连续三年在全国赛事上获奖（2018年）' },
  { competition: 'tjt-2019', department: 'ZYJK', grade: 'SECOND', date: '2019-10-25', note: '演示数据：中药剂科连续三年在全国赛事上获奖（2019年）' },
  { competition: 'tjt-2020', department: 'ZYJK', resultText: '多项奖项', date: '2020-10-30', note: '今年再次斩获“桐君堂杯”中药材真伪鉴别全国大赛多项奖项' },
  { competition: 'tongde-teaching', people: ['Z0102'], grade: 'SECOND', date: '2020-07-10', note: '尤志新和王志刚分别在同德住培讲课和中医药大学教学实习讲课中荣获二、三等奖' },
  { competition: 'tcmu-teaching', people: ['Z0103'], grade: 'THIRD', date: '2020-06-19', note: '尤志新和王志刚分别在同德住培讲课和中医药大学教学实习讲课中荣获二、三等奖' },
  { competition: 'reading', people: ['Z0104'], grade: 'SECOND', date: '2020-08-28', note: '杜鸣获省中西医结合医联体读片系列赛二等奖' },
  { competition: 'ultrasound', people: ['Z0105'], grade: 'THIRD', date: '2020-09-11', note: '沈晓青获市超声技能大赛三等奖' },
  { competition: 'tcm-skills', people: ['Z0106'], grade: 'FIRST', date: '2020-10-16', note: '张方璐获得市中医综合技能竞赛一等奖' },
  { competition: 'icu-skills', people: ['Z0107'], grade: 'SECOND', date: '2020-11-06', note: '奕丽娜在市重症技能比赛中获二等奖' },
  { competition: 'equipment', people: ['Z0108'], grade: 'THIRD', date: '2020-12-04', note: '张润哲获市设备技能大赛三等奖' },
  { competition: 'party-lecture', people: ['Z0115'], grade: 'SECOND', date: '2020-06-30', note: '陈宴同时荣获市微型党课和卫生系统微型党课二、三等奖及征文比赛一等奖' },
  { competition: 'health-party-lecture', people: ['Z0115'], grade: 'THIRD', date: '2020-07-15', note: '陈宴同时荣获市微型党课和卫生系统微型党课二、三等奖及征文比赛一等奖' },
  { competition: 'essay', people: ['Z0115'], grade: 'FIRST', date: '2020-05-20', note: '陈宴同时荣获市微型党课和卫生系统微型党课二、三等奖及征文比赛一等奖' },
  { competition: 'calligraphy', people: ['Z0116'], grade: 'SECOND', date: '2020-12-10', note: '倪国强、娄坚江的书法作品分获市直卫生健康系统书法比赛二等奖和优胜奖' },
  { competition: 'calligraphy', people: ['Z0117'], grade: 'MERIT', date: '2020-12-10', note: '倪国强、娄坚江的书法作品分获市直卫生健康系统书法比赛二等奖和优胜奖' },
  { competition: 'photo', people: ['Z0118'], grade: 'THIRD', date: '2020-11-13', note: '陈伟栋获省医学会放射学分会“云影杯”摄影大赛三等奖' },
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
    note: '被授予“浙江省医药行业技术能手”称号',
  },
];

// Only what the report states with its figures: its 抗疫 money and goods have none, so the
// demo records none (a donation is a quantity; inventing one would be drafted as fact).
export const demoDonations: DemoDonation[] = [
  { kind: 'BLOOD', donorCount: 108, quantity: 27800, date: '2020-12-31', note: '全院108位职工献血27800毫升' },
  { kind: 'STEM_CELL_REGISTRATION', donorCount: 28, quantity: 28, date: '2020-05-20', note: '28名医务人员集体登记捐献造血干细胞' },
  { kind: 'BOOKS', institution: true, quantity: 300, approximate: true, campaign: '“越读”书吧捐书', date: '2020-04-23', note: '为书吧共捐书300余本' },
];

export const demoCampaigns = [
  {
    department: 'XYJK',
    title: 'WOMEN_CIVILISED_POST',
    level: 'PROVINCIAL',
    year: 2021,
    steps: [
      { to: 'PLANNED', date: '2020-03-08', note: '以评促建，创建西药剂科省级巾帼文明岗' },
      { to: 'APPLIED', date: '2020-11-20', note: '已向省妇联申报' },
    ],
  },
];
