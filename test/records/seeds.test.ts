// The demo data holds the reference report's facts, verified.
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Row {
  title: string;
  level: string;
  resultLabel: string;
  status: string;
  people: { name: string }[];
  collective: { name: string } | null;
}

describe('demo data from the 2020 report', () => {
  let t: TestServer;
  let rows: Row[];
  before(async () => {
    t = await startTestServer();
    const res = await t.gql(`{ achievements(filter: { year: 2020 }, first: 100) { edges { node { title level resultLabel status people { name } collective { name } } } } }`, {}, t.tokenFor('VIEWER'));
    rows = (res.data as { achievements: { edges: { node: Row }[] } }).achievements.edges.map((e) => e.node);
  });
  after(() => t.stop());

  const has = (who: string, titlePart: string, level: string, result: string) => {
    const match = rows.find((r) => (r.people.some((p) => p.name === who) || r.collective?.name === who) && r.title.includes(titlePart) && r.level === level && r.resultLabel === result);
    expect(match, `${who} ${titlePart} ${level} ${result}`).to.not.equal(undefined);
    expect(match!.status).to.equal('VERIFIED');
  };

  it('holds every award and title of the achievements paragraphs, verified', () => {
    has('高圣艳', '浙江省医药行业特有职业技能竞赛', 'PROVINCIAL', '二等奖');
    has('高圣艳', '全国医药行业特有职业技能竞赛', 'NATIONAL', '二等奖');
    has('高圣艳', '浙江省医药行业技术能手', 'PROVINCIAL', '浙江省医药行业技术能手');
    has('中药剂科', '桐君堂杯', 'NATIONAL', '多项奖项');
    has('尤志新', '同德住培讲课', 'PROVINCIAL', '二等奖');
    has('王志刚', '中医药大学教学实习讲课', 'PROVINCIAL', '三等奖');
    has('杜鸣', '读片', 'PROVINCIAL', '二等奖');
    has('沈晓青', '超声技能大赛', 'MUNICIPAL', '三等奖');
    has('张方璐', '中医综合技能竞赛', 'MUNICIPAL', '一等奖');
    has('奕丽娜', '重症技能比赛', 'MUNICIPAL', '二等奖');
    has('张润哲', '设备技能大赛', 'MUNICIPAL', '三等奖');
    has('陈宴', '微型党课比赛', 'MUNICIPAL', '二等奖');
    has('陈宴', '卫生系统微型党课', 'MUNICIPAL', '三等奖');
    has('陈宴', '征文', 'UNSPECIFIED', '一等奖'); // the report gives this contest no level
    has('倪国强', '书法比赛', 'MUNICIPAL', '二等奖');
    has('娄坚江', '书法比赛', 'MUNICIPAL', '优胜奖');
    has('陈伟栋', '云影杯', 'PROVINCIAL', '三等奖');
  });

  it('links the title to the award it followed from, and gives 中药剂科 national results in 2018-2020', async () => {
    const res = await t.gql(`{ achievements(filter: { kind: HONOUR, year: 2020 }) { edges { node { title ... on Honour { award { title level } } } } } }`, {}, t.tokenFor('VIEWER'));
    const honour = (res.data as { achievements: { edges: { node: { title: string; award: { title: string; level: string } | null } }[] } }).achievements.edges.find((e) => e.node.title === '浙江省医药行业技术能手');
    expect(honour!.node.award).to.deep.equal({ title: '浙江省医药行业特有职业技能竞赛', level: 'PROVINCIAL' });
    const zyjk = await t.models.Department.findOne({ code: 'ZYJK' }).lean();
    const years = await t.models.Award.distinct('year', { 'collective.department': zyjk!._id, level: 'NATIONAL', status: 'VERIFIED' });
    expect(years.sort()).to.deep.equal([2018, 2019, 2020]);
  });

  it('holds the donations and the campaign the report plans', async () => {
    const res = await t.gql(`{ donations(filter: { year: 2020, status: VERIFIED }) { edges { node { kind quantityText donorCount campaign } } } civilisedPostCampaigns { edges { node { department { name } title level status } } } }`, {}, t.tokenFor('VIEWER'));
    const data = res.data as { donations: { edges: { node: { kind: string; quantityText: string; donorCount: number | null; campaign: string | null } }[] }; civilisedPostCampaigns: { edges: { node: unknown }[] } };
    const donations = data.donations.edges.map((e) => e.node);
    expect(donations).to.deep.include({ kind: 'BLOOD', quantityText: '27800毫升', donorCount: 108, campaign: null });
    expect(donations).to.deep.include({ kind: 'STEM_CELL_REGISTRATION', quantityText: '28人', donorCount: 28, campaign: null });
    expect(donations.find((d) => d.kind === 'BOOKS')!.quantityText).to.equal('300余本');
    // The report gives no figures for its 抗疫 money and goods: the demo invents none.
    expect(donations.filter((d) => d.campaign === '抗疫捐款')).to.deep.equal([]);
    expect(data.civilisedPostCampaigns.edges.map((e) => e.node)).to.deep.include({ department: { name: '西药剂科' }, title: 'WOMEN_CIVILISED_POST', level: 'PROVINCIAL', status: 'PLANNED' });
  });
});
