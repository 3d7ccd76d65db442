// The drafter's conventions on crafted records (pure function: no database needed).
import { expect } from 'chai';
import { competitionName, draftNarrative, honourTitle, joinNames, joinResults, levelled, titlePhrase, withSector, withSession, type DraftInput, type DraftRecord } from '../../src/modules/reports/narrative.js';
import { awardResultLabel, chineseNumber } from '../../src/modules/vocabulary/numbers.js';

let n = 0;
/** Result ranks as the default policy gives them (titles 0, vague results last). */
const resultRank = (r: Partial<DraftRecord>) => (r.vague ? 99 : ({ 一等奖: 10, 二等奖: 20, 三等奖: 30, 优胜奖: 50 } as Record<string, number>)[r.resultLabel ?? ''] ?? 0);
const rec = (r: Partial<DraftRecord> & Pick<DraftRecord, 'title' | 'level' | 'resultLabel'>): DraftRecord => ({
  id: `R${++n}`,
  kind: 'AWARD',
  rankKey: `${['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'].indexOf(r.level)}.${String(resultRank(r)).padStart(2, '0')}.${String(n).padStart(3, '0')}`,
  category: 'SKILLS',
  people: [],
  date: '2020-06-01',
  ...r,
});
const person = (name: string) => ({ id: `P:${name}`, name });
const input = (records: DraftRecord[], extra: Partial<DraftInput> = {}): DraftInput => ({
  year: 2020,
  subject: '我院',
  staff: '全院',
  records,
  streaks: [],
  donations: [],
  summary: { total: records.length, byLevel: [], people: 0, women: 0, previousTotal: null },
  ...extra,
});
const text = (i: DraftInput) => draftNarrative(i).flatMap((p) => p.sentences.map((s) => s.text)).join('');

describe('narrative drafting conventions', () => {
  it('compresses grade lists and factors shared competition names', () => {
    expect(joinResults(['二等奖', '三等奖'])).to.equal('二、三等奖');
    expect(joinResults(['二等奖', '二等奖'])).to.equal('二等奖');
    expect(joinResults(['二等奖', '优胜奖'])).to.equal('二等奖和优胜奖');
    expect(joinResults(['团体亚军', '个人亚军'])).to.equal('团体和个人亚军');
    expect(joinNames(['浙江省医药行业特有职业技能竞赛', '全国医药行业特有职业技能竞赛'])).to.equal('浙江省和全国医药行业特有职业技能竞赛');
    expect(levelled('超声技能大赛', 'MUNICIPAL')).to.equal('市超声技能大赛');
    expect(levelled('全国医药行业特有职业技能竞赛', 'NATIONAL')).to.equal('全国医药行业特有职业技能竞赛');
  });

  it('follows the drafting conventions: numerals, verbs by kind, level words, place before session', () => {
    expect(chineseNumber(3)).to.equal('三');
    expect(chineseNumber(11)).to.equal('十一');
    expect(chineseNumber(20)).to.equal('二十');
    expect(chineseNumber(2, { counting: true })).to.equal('两');
    expect(awardResultLabel({ placement: 3 })).to.equal('第三名');
    expect(awardResultLabel({ placement: 12 })).to.equal('第十二名');
    expect(titlePhrase('浙江省五一劳动奖章')).to.deep.equal({ verb: '荣获', text: '“浙江省五一劳动奖章”' });
    expect(titlePhrase('绍兴市先进工作者')).to.deep.equal({ verb: '被评为', text: '绍兴市先进工作者' });
    expect(titlePhrase('浙江省医药行业技术能手')).to.deep.equal({ verb: '被授予', text: '“浙江省医药行业技术能手”称号' });
    // A name saying who runs it takes no level word; nor does the institution's own event.
    expect(levelled('同德住培讲课比赛', 'PROVINCIAL')).to.equal('省同德住培讲课比赛');
    expect(levelled('浙江中医药大学教学实习讲课比赛', 'PROVINCIAL')).to.equal('浙江中医药大学教学实习讲课比赛');
    expect(levelled('放射学分会摄影大赛', 'PROVINCIAL')).to.equal('省放射学分会摄影大赛');
    expect(levelled('省医学会摄影大赛', 'PROVINCIAL')).to.equal('省医学会摄影大赛');
    expect(levelled('职工趣味运动会', 'INSTITUTION')).to.equal('职工趣味运动会');
    expect(withSession('浙江省劳动模范', '第十五届')).to.equal('浙江省第十五届劳动模范');
    expect(withSession('全国劳动模范', '2015年度')).to.equal('2015年度全国劳动模范');
    expect(withSession('劳动模范', '第三届')).to.equal('第三届劳动模范');
  });

  it("states one person's several results in one sentence with 分别", () => {
    const a = rec({ title: '全国医药行业特有职业技能竞赛', level: 'NATIONAL', resultLabel: '二等奖', people: [person('高圣艳')] });
    const b = rec({ title: '浙江省医药行业特有职业技能竞赛', level: 'PROVINCIAL', resultLabel: '二等奖', people: [person('高圣艳')] });
    expect(text(input([a, b]))).to.include('高圣艳在全国和浙江省医药行业特有职业技能竞赛中分别荣获二等奖。');
    const c = rec({ title: '读片赛', level: 'PROVINCIAL', resultLabel: '三等奖', people: [person('杜鸣')] });
    const d = rec({ title: '讲课赛', level: 'PROVINCIAL', resultLabel: '二等奖', people: [person('杜鸣')] });
    // The level word once for the list; results in the order they came, by rank on the same day.
    expect(text(input([d, c]))).to.include('杜鸣在省讲课赛和读片赛中分别荣获二、三等奖。');
    expect(text(input([{ ...a, date: '2020-11-20' }, { ...b, date: '2020-09-18' }]))).to.include('高圣艳在浙江省和全国医药行业特有职业技能竞赛中分别荣获二等奖。');
  });

  it('tells a level in the order things happened, highest level first', () => {
    const late = rec({ title: '护理技能竞赛', level: 'MUNICIPAL', resultLabel: '一等奖', people: [person('李敏')], date: '2020-11-02' });
    const early = rec({ title: '超声技能大赛', level: 'MUNICIPAL', resultLabel: '三等奖', people: [person('沈晓青')], date: '2020-03-02', category: 'ACADEMIC' });
    const national = rec({ title: '全国药学技能大赛', level: 'NATIONAL', resultLabel: '三等奖', people: [person('高敏')], date: '2020-12-20' });
    const work = draftNarrative(input([late, early, national])).find((p) => p.heading === '岗位建功')!;
    expect(work.sentences.map((s) => s.text)).to.deep.equal(['高敏获全国药学技能大赛三等奖。', '沈晓青获市超声技能大赛三等奖。', '李敏获市护理技能竞赛一等奖。']);
  });

  it('tells culture and sports results best prize first, and a prize highest level first', () => {
    const culture = (r: Partial<DraftRecord> & Pick<DraftRecord, 'title' | 'level' | 'resultLabel'>) => rec({ category: 'CULTURE', ...r });
    const photo = culture({ title: '“云影杯”摄影大赛', level: 'PROVINCIAL', resultLabel: '三等奖', people: [person('陈伟栋')], date: '2020-03-01' });
    const essay = culture({ title: '征文比赛', level: 'MUNICIPAL', resultLabel: '一等奖', people: [person('陈宴')], date: '2020-12-01' });
    const song = culture({ title: '职工羽毛球赛', level: 'MUNICIPAL', category: 'SPORTS', resultLabel: '二等奖', people: [person('丙')], date: '2020-05-01' });
    const dance = culture({ title: '全国职工舞蹈大赛', level: 'NATIONAL', resultLabel: '二等奖', people: [person('丁')], date: '2020-09-01' });
    // The skills paragraph beside it stays highest level first.
    const skills = [rec({ title: '超声技能大赛', level: 'MUNICIPAL', resultLabel: '一等奖', people: [person('戊')] }), rec({ title: '浙江省护理技能竞赛', level: 'PROVINCIAL', resultLabel: '三等奖', people: [person('己')] })];
    const paragraphs = draftNarrative(input([photo, essay, song, dance, ...skills]));
    expect(paragraphs.find((p) => p.heading === '文体活动')!.sentences.map((s) => s.text)).to.deep.equal([
      '陈宴获市征文比赛一等奖。',
      '丁获全国职工舞蹈大赛二等奖。',
      '丙获市职工羽毛球赛二等奖。',
      '陈伟栋获省“云影杯”摄影大赛三等奖。',
    ]);
    expect(paragraphs.find((p) => p.heading === '岗位建功')!.sentences.map((s) => s.text)).to.deep.equal(['己获浙江省护理技能竞赛三等奖。', '戊获市超声技能大赛一等奖。']);
  });

  it('names the edition and sector of a competition where the union does', () => {
    expect(competitionName('急救技能大赛', { edition: '第五届' })).to.equal('第五届急救技能大赛');
    expect(competitionName('浙江省护理技能竞赛', { edition: '第三届' })).to.equal('浙江省第三届护理技能竞赛');
    expect(competitionName('“莲花杯”西湖区职工羽毛球邀请赛', { edition: '第三届' })).to.equal('第三届“莲花杯”西湖区职工羽毛球邀请赛');
    expect(competitionName('职工摄影比赛', { sector: '市直机关' })).to.equal('市直机关职工摄影比赛');
    expect(competitionName('第二届书法比赛', { edition: '第二届', sector: '市直卫生健康系统' })).to.equal('市直卫生健康系统第二届书法比赛');
  });

  it('names a department that gave, and counts staff as the whole institution’s', () => {
    const donations = [
      { kind: 'MONEY', campaign: null, donor: '急诊科', phrase: '捐款5000元', recordIds: ['D1'] },
      { kind: 'BLOOD', campaign: null, phrase: '46位职工献血13800毫升', byStaff: true, recordIds: ['D2'] },
      { kind: 'GOODS', campaign: null, phrase: '捐物200件', recordIds: ['D3'] },
    ];
    expect(draftNarrative(input([], { donations })).find((p) => p.heading === '爱心奉献')!.sentences[0].text).to.equal('急诊科捐款5000元，全院46位职工献血13800毫升，我院捐物200件。');
  });

  it('puts several people of one competition together: 分获 … 和 …', () => {
    const a = rec({ title: '市直卫生健康系统书法比赛', level: 'MUNICIPAL', category: 'CULTURE', resultLabel: '二等奖', people: [person('倪国强')] });
    const b = rec({ title: '市直卫生健康系统书法比赛', level: 'MUNICIPAL', category: 'CULTURE', resultLabel: '优胜奖', people: [person('娄坚江')] });
    const paragraphs = draftNarrative(input([a, b]));
    const culture = paragraphs.find((p) => p.heading === '文体活动')!;
    expect(culture.sentences).to.deep.equal([{ text: '倪国强、娄坚江分获市直卫生健康系统书法比赛二等奖和优胜奖。', recordIds: [a.id, b.id] }]);
  });

  it('attaches a title that followed from a result, and states streaks', () => {
    const award = rec({ title: '浙江省医药行业特有职业技能竞赛', level: 'PROVINCIAL', resultLabel: '二等奖', people: [person('高圣艳')] });
    const title = rec({ kind: 'HONOUR', title: '浙江省医药行业技术能手', level: 'PROVINCIAL', resultLabel: '浙江省医药行业技术能手', people: [person('高圣艳')], followsFrom: award.id });
    const team = rec({ title: '“桐君堂杯”中药材真伪鉴别全国大赛', level: 'NATIONAL', resultLabel: '多项奖项', vague: true, collective: { key: 'D:zyjk', name: '中药剂科' } });
    const out = draftNarrative(input([award, title, team], { streaks: [{ recipientKey: 'D:zyjk', name: '中药剂科', level: 'NATIONAL', years: 3 }] }));
    const sentences = out.flatMap((p) => p.sentences);
    expect(sentences.map((s) => s.text)).to.include('高圣艳获浙江省医药行业特有职业技能竞赛二等奖，被授予“浙江省医药行业技术能手”称号。');
    expect(sentences.find((s) => s.text.startsWith('高圣艳'))!.recordIds).to.deep.equal([award.id, title.id]);
    expect(sentences.map((s) => s.text)).to.include('中药剂科已连续三年在全国赛事上获奖，今年再次在“桐君堂杯”中药材真伪鉴别全国大赛中获得多项奖项。');
  });

  it('orders sentences highest level first and names titles and designations', () => {
    const muni = rec({ title: '超声技能大赛', level: 'MUNICIPAL', resultLabel: '三等奖', people: [person('沈晓青')] });
    const nat = rec({ title: '全国技能大赛', level: 'NATIONAL', resultLabel: '一等奖', people: [person('甲')] });
    const post = rec({ kind: 'HONOUR', title: '省级巾帼文明岗', level: 'PROVINCIAL', resultLabel: '', civilisedPost: true, collective: { key: 'D:x', name: '西药剂科' } });
    const worker = rec({ kind: 'MODEL_WORKER', title: '绍兴市劳动模范', level: 'MUNICIPAL', resultLabel: '', session: '第十七届', people: [person('乙')] });
    const work = draftNarrative(input([muni, nat, post, worker])).find((p) => p.heading === '岗位建功')!;
    expect(work.sentences.map((s) => s.text)).to.deep.equal([
      '甲获全国技能大赛一等奖。',
      '西药剂科被命名为“省级巾帼文明岗”。',
      '乙被评为绍兴市第十七届劳动模范。',
      '沈晓青获市超声技能大赛三等奖。',
    ]);
  });

  it('summarises donations with approximate figures, and says plainly when a year has nothing', () => {
    const donations = [
      { kind: 'BLOOD', campaign: null, phrase: '108位职工献血27800毫升', byStaff: true, recordIds: ['D1'] },
      { kind: 'STEM_CELL_REGISTRATION', campaign: null, phrase: '28名医务人员集体登记捐献造血干细胞', byStaff: true, recordIds: ['D2'] },
      { kind: 'BOOKS', campaign: '“越读”书吧捐书', phrase: '捐书300余本', byStaff: true, recordIds: ['D3'] },
    ];
    const out = draftNarrative(input([], { donations }));
    expect(out[0].sentences[0].text).to.equal('2020年度，我院暂无经审核的获奖和荣誉记录。');
    const gifts = out.find((p) => p.heading === '爱心奉献')!;
    expect(gifts.sentences.map((s) => s.text)).to.deep.equal(['在“越读”书吧捐书活动中，全院捐书300余本。', '全院108位职工献血27800毫升、28名医务人员集体登记捐献造血干细胞。']);
    expect(draftNarrative(input([]))).to.have.length(1);
  });

  it('names the organiser first where the name does not say who runs it, abbreviating its own province', () => {
    expect(levelled('“云影杯”摄影大赛', 'PROVINCIAL', '浙江省医学会放射学分会')).to.equal('省医学会放射学分会“云影杯”摄影大赛');
    // 同德 is 浙江省立同德医院's own name: the competition's name says who runs it, and no level word is needed.
    expect(levelled('同德住培讲课比赛', 'PROVINCIAL', '浙江省立同德医院')).to.equal('同德住培讲课比赛');
    expect(levelled('读片比赛', 'NATIONAL', '中华医学会')).to.equal('中华医学会读片比赛');
    expect(levelled('超声技能大赛', 'MUNICIPAL', null)).to.equal('市超声技能大赛');
  });

  it("keeps a title's sector, takes a title as written, and states an inspection score", () => {
    expect(withSector('先进职工之家', '省直机关')).to.equal('省直机关先进职工之家');
    expect(withSector('浙江省先进工作者', '卫生健康系统')).to.equal('浙江省卫生健康系统先进工作者');
    expect(withSector('市直卫生健康系统先进工作者', '市直卫生健康系统')).to.equal('市直卫生健康系统先进工作者');
    expect(honourTitle({ title: '优秀共产党员', sector: '市直卫生健康系统', session: '2019年度', asWritten: null })).to.equal('2019年度市直卫生健康系统优秀共产党员');
    expect(honourTitle({ title: '优秀党员', sector: '市直', session: null, asWritten: '市直机关优秀共产党员（连续三年）' })).to.equal('市直机关优秀共产党员（连续三年）');
    const post = rec({ kind: 'HONOUR', title: '绍兴市巾帼文明岗', level: 'MUNICIPAL', resultLabel: '绍兴市巾帼文明岗', civilisedPost: true, score: 96, collective: { key: 'D:x', name: '西药剂科' } });
    const titled = rec({ kind: 'HONOUR', title: '先进职工之家', sector: '省直机关', level: 'PROVINCIAL', resultLabel: '先进职工之家', collective: { key: 'D:y', name: '护理部' } });
    const out = text(input([post, titled]));
    expect(out).to.include('西药剂科以96分通过验收，被命名为“绍兴市巾帼文明岗”');
    expect(out).to.include('护理部被授予“省直机关先进职工之家”称号');
  });

  it('pairs two people with one result each of one category and level, as the union writes it', () => {
    const records = [
      rec({ title: '甲丙讲课比赛', level: 'PROVINCIAL', category: 'TEACHING', resultLabel: '二等奖', people: [person('甲')], organiser: '浙江省立甲丙医院' }),
      rec({ title: '读片赛', level: 'PROVINCIAL', category: 'ACADEMIC', resultLabel: '二等奖', people: [person('丙')] }),
      rec({ title: '乙大学讲课比赛', level: 'PROVINCIAL', category: 'TEACHING', resultLabel: '三等奖', people: [person('乙')] }),
    ];
    const out = text(input(records));
    expect(out).to.include('甲和乙分别在甲丙讲课和乙大学讲课中荣获二、三等奖。');
    expect(out.indexOf('甲和乙')).to.be.lessThan(out.indexOf('丙获'));
  });

  it('compares with the previous year only where it has verified records, and says so otherwise', () => {
    const one = [rec({ title: '甲赛', level: 'MUNICIPAL', resultLabel: '一等奖', people: [person('甲')] })];
    const summary = { total: 1, byLevel: [], people: 1, women: 0 };
    expect(text(input(one, { summary: { ...summary, previousTotal: null } }))).to.include('（2019年无已审核记录，未作比较）');
    expect(text(input(one, { summary: { ...summary, previousTotal: 3 } }))).to.include('比2019年减少2项');
    // Nothing but records of no stated level: said so, not left out.
    expect(text(input(one, { summary: { ...summary, byLevel: [{ level: 'UNSPECIFIED', count: 1 }], previousTotal: 1 } }))).to.include('共获得各级奖项和荣誉1项，均未注明级别');
  });

  it("states one person's results of several kinds together, each kind's results grouped, the larger group first", () => {
    const out = text(
      input([
        rec({ title: '征文比赛', level: 'UNSPECIFIED', category: 'CULTURE', resultLabel: '一等奖', people: [person('丙')], date: '2020-03-01' }),
        rec({ title: '演讲比赛', level: 'MUNICIPAL', category: 'IDEOLOGY', resultLabel: '二等奖', people: [person('丙')], date: '2020-05-01' }),
        rec({ title: '党史知识比赛', level: 'MUNICIPAL', category: 'IDEOLOGY', resultLabel: '三等奖', people: [person('丙')], date: '2020-07-01' }),
      ]),
    );
    expect(out).to.include('丙同时荣获市演讲和党史知识二、三等奖及征文比赛一等奖。');
  });

  it('names a union officer by office, and counts the years a title has been held', () => {
    const out = text(
      input([
        rec({ kind: 'HONOUR', title: '区优秀工会干部', level: 'DISTRICT', resultLabel: '', people: [{ id: 'P:q', name: '秦颖', office: '工会主席' }], timesWon: 2 }),
        rec({ kind: 'HONOUR', title: '区先进集体', level: 'DISTRICT', resultLabel: '', collective: { key: 'D:gh', name: '我院工会' }, timesWon: 3 }),
        rec({ kind: 'HONOUR', title: '区文明单位', level: 'DISTRICT', resultLabel: '', collective: { key: 'D:gh', name: '我院工会' }, timesWon: 1 }),
      ]),
    );
    expect(out).to.include('工会主席秦颖被评为区优秀工会干部，系第二次获此殊荣。');
    expect(out).to.include('我院工会被评为区先进集体，被授予“区文明单位”称号，其中“区先进集体”系第三次获得。');
  });

  it('is deterministic', () => {
    const records = [
      rec({ title: 'A赛', level: 'PROVINCIAL', resultLabel: '二等奖', people: [person('甲')] }),
      rec({ title: 'B赛', level: 'PROVINCIAL', resultLabel: '二等奖', people: [person('乙')] }),
    ];
    expect(JSON.stringify(draftNarrative(input(records)))).to.equal(JSON.stringify(draftNarrative(input([...records].reverse()))));
  });
});
