// Crafted years of other hospitals, each with the paragraphs a report writer would sign,
// written by hand from the drafting conventions (../shared/DESIGN.md), not from the drafter.
// Names, bodies and figures are invented.
import type { YearFixture } from '../helpers/year.js';

export const FIXTURES: YearFixture[] = [
  {
    about: 'a county hospital: a placement, a department team at an organiser’s contest, a model worker, a department’s donation, a comparison',
    institution: { code: 'WE-COUNTY', name: '青溪县人民医院' },
    year: 2021,
    departments: [
      { code: 'HLB', name: '护理部' },
      { code: 'JZK', name: '急诊科' },
      { code: 'EK', name: '儿科' },
    ],
    people: [
      { no: 'A01', name: '李敏', gender: 'FEMALE', dept: 'HLB' },
      { no: 'A02', name: '周静', gender: 'FEMALE', dept: 'JZK' },
      { no: 'A03', name: '陈浩', gender: 'MALE', dept: 'JZK' },
      { no: 'A04', name: '吴丹', gender: 'FEMALE', dept: 'EK' },
    ],
    previous: [{ award: { name: '急救技能竞赛', level: 'MUNICIPAL', category: 'SKILLS' }, people: ['A02'], grade: 'THIRD' }],
    records: [
      { award: { name: '急救技能大赛', level: 'PROVINCIAL', category: 'SKILLS', organiser: '浙江省医学会急诊医学分会', edition: '第五届' }, team: 'JZK', grade: 'FIRST' },
      { designation: 'MODEL_WORKER', title: '绍兴市劳动模范', level: 'MUNICIPAL', conferredBy: '绍兴市人民政府', people: ['A03'], date: '2021-04-28' },
      { award: { name: '护理技能竞赛', level: 'MUNICIPAL', category: 'SKILLS' }, people: ['A01'], placement: 2 },
      { honour: 'OTHER', title: '绍兴市优秀护士', level: 'MUNICIPAL', conferredBy: '绍兴市卫生健康委员会', people: ['A04'], date: '2021-05-12' },
      { donation: 'MONEY', quantity: 5000, unit: 'JZK' },
    ],
    signed: [
      '2021年度，我院职工共获得各级奖项和荣誉4项，其中省级1项、市级3项，涉及职工3人（其中女职工2人），比2020年增加3项。',
      '急诊科代表队获省医学会急诊医学分会第五届急救技能大赛一等奖。陈浩被评为绍兴市劳动模范。吴丹被评为绍兴市优秀护士。李敏获市护理技能竞赛第二名。',
      '急诊科捐款5000元。',
    ].join('\n'),
  },
  {
    about: 'a city TCM hospital naming itself 本院: sectors, two teachers paired, a brand with a vague result, a scored civilised post, culture apart, blood donation',
    institution: { code: 'WE-TCM', name: '东浦市中医院', selfReference: '本院' },
    year: 2022,
    departments: [
      { code: 'ZYF', name: '中药房' },
      { code: 'TNK', name: '推拿科' },
      { code: 'XZB', name: '行政办公室' },
    ],
    people: [
      { no: 'B01', name: '林晓', gender: 'FEMALE', dept: 'ZYF' },
      { no: 'B02', name: '赵磊', gender: 'MALE', dept: 'TNK' },
      { no: 'B03', name: '孙悦', gender: 'FEMALE', dept: 'XZB' },
      { no: 'B04', name: '钱伟', gender: 'MALE', dept: 'TNK' },
    ],
    records: [
      { honour: 'CIVILISED_POST', title: '浙江省青年文明号', level: 'PROVINCIAL', conferredBy: '共青团浙江省委', score: 95, unit: 'TNK', date: '2022-04-20' },
      { award: { name: '中药调剂技能竞赛', level: 'PROVINCIAL', category: 'SKILLS', sector: '中医药行业' }, people: ['B01'], grade: 'SECOND' },
      { award: { name: '中药知识竞赛', brand: '杏林杯', level: 'PROVINCIAL', category: 'ACADEMIC' }, team: 'SELF', resultText: '多项奖项' },
      { award: { name: '推拿手法教学比赛', level: 'MUNICIPAL', category: 'TEACHING' }, people: ['B02'], grade: 'FIRST' },
      { award: { name: '中医适宜技术讲课比赛', level: 'MUNICIPAL', category: 'TEACHING' }, people: ['B04'], grade: 'THIRD' },
      { honour: 'WORKERS_HOME', title: '东浦市模范职工之家', level: 'MUNICIPAL', conferredBy: '东浦市总工会', unit: 'SELF' },
      { award: { name: '职工摄影比赛', level: 'MUNICIPAL', category: 'CULTURE', sector: '市直机关' }, people: ['B03'], grade: 'EXCELLENCE' },
      { donation: 'BLOOD', quantity: 13800, donorCount: 46 },
    ],
    signed: [
      '2022年度，本院职工共获得各级奖项和荣誉7项，其中省级3项、市级4项，涉及职工4人（其中女职工2人）（2021年无已审核记录，未作比较）。',
      '推拿科以95分通过验收，被命名为“浙江省青年文明号”。林晓获省中医药行业中药调剂技能竞赛二等奖。本院代表队在省“杏林杯”中药知识竞赛中获得多项奖项。赵磊和钱伟分别在市推拿手法教学和中医适宜技术讲课比赛中荣获一、三等奖。本院被授予“东浦市模范职工之家”称号。',
      '孙悦获市直机关职工摄影比赛优秀奖。',
      '全院46位职工献血13800毫升。',
    ].join('\n'),
  },
  {
    about: 'a district hospital: sports results by division (团体/个人, 企业组), the union and the youth league as recipients, an organisation award, a count of holders, the town level, a union officer by office, a title won a third time',
    institution: { code: 'WE-DISTRICT', name: '西溪区第一医院' },
    year: 2023,
    departments: [
      { code: 'GH', name: '工会', kind: 'BODY' },
      { code: 'TW', name: '团委', kind: 'BODY' },
      { code: 'XHK', name: '消化科' },
      { code: 'HLB', name: '护理部' },
    ],
    people: [
      { no: 'C01', name: '秦颖', gender: 'FEMALE', dept: 'GH', position: '工会主席' },
      { no: 'C02', name: '王涛', gender: 'MALE', dept: 'XHK' },
    ],
    previous: [
      { honour: 'OTHER', title: '2021年度西溪镇工会工作先进集体', level: 'TOWN', conferredBy: '西溪镇总工会', unit: 'GH', year: 2021, date: '2021-12-28' },
      { honour: 'OTHER', title: '2022年度西溪镇工会工作先进集体', level: 'TOWN', conferredBy: '西溪镇总工会', unit: 'GH', date: '2022-12-28' },
    ],
    records: [
      { honour: 'CIVILISED_POST', title: '全国青年文明号', level: 'NATIONAL', conferredBy: '共青团中央', unit: 'XHK', date: '2023-05-04' },
      { award: { name: '全国卫生系统“青年文明号、青年岗位能手”创建活动', level: 'NATIONAL', category: 'OTHER' }, unit: 'TW', grade: 'EXCELLENT_ORGANISATION', date: '2023-11-10' },
      { honour: 'OTHER', title: '西溪区护理能手', level: 'DISTRICT', conferredBy: '西溪区卫生健康局', unit: 'SELF', holderCount: 12, holderNoun: '护士', date: '2023-09-12' },
      { honour: 'OTHER', title: '西溪区优秀工会干部', session: '2023年度', level: 'DISTRICT', conferredBy: '西溪区总工会', people: ['C01'], date: '2023-12-20' },
      { honour: 'OTHER', title: '2023年度西溪镇工会工作先进集体', level: 'TOWN', conferredBy: '西溪镇总工会', unit: 'GH', date: '2023-12-28' },
      { award: { name: '市卫生系统职工乒乓球赛', level: 'MUNICIPAL', category: 'SPORTS' }, team: 'SELF', grade: 'RUNNER_UP', division: '团体', date: '2023-05-20' },
      { award: { name: '市卫生系统职工乒乓球赛', level: 'MUNICIPAL', category: 'SPORTS' }, people: ['C02'], grade: 'RUNNER_UP', division: '个人', date: '2023-05-20' },
      { award: { name: '西溪区职工业余羽毛球团体邀请赛', brand: '莲花杯', edition: '第三届', level: 'DISTRICT', category: 'SPORTS' }, team: 'XHK', grade: 'MERIT', division: '企业组', date: '2023-10-15' },
    ],
    signed: [
      '2023年度，我院职工共获得各级奖项和荣誉8项，其中国家级2项、市级2项、区级3项、镇级1项，涉及职工2人（其中女职工1人），比2022年增加7项。',
      '消化科被命名为“全国青年文明号”。我院团委获全国卫生系统“青年文明号、青年岗位能手”创建活动优秀组织奖。我院12名护士被授予“西溪区护理能手”称号。工会主席秦颖被评为2023年度西溪区优秀工会干部。我院工会被评为2023年度西溪镇工会工作先进集体，系第三次获此殊荣。',
      '我院代表队、王涛分获市卫生系统职工乒乓球赛团体和个人亚军。消化科代表队获第三届“莲花杯”西溪区职工业余羽毛球团体邀请赛企业组优胜奖。',
    ].join('\n'),
  },
];
