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
      '急诊科代表队获省医学会急诊医学分会第五届急救技能大赛一等奖。陈浩被评为绍兴市劳动模范。吴丹被授予“绍兴市优秀护士”称号。李敏获市护理技能竞赛第二名。',
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
];
