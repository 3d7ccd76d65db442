// Achievement records (awards, honours, model-worker designations) and their workflow.
import { fixed, say } from '../shared/i18n/define.js';
import { date, NOUNS, termName, yearEn, yearZh, type RecordNoun } from './words.js';

type Noun = { noun: RecordNoun };
const zhNoun = (p: Noun) => NOUNS[p.noun].zh;
const enNoun = (p: Noun) => NOUNS[p.noun].en;

export const records = {
  'record.notFound': say<Noun & { id: string }>((p) => `找不到编号为 ${p.id} 的${zhNoun(p)}`, (p) => `no ${enNoun(p)} has id ${p.id}`),
  'record.verifiedForClerk': say<{ action: string }>((p) => `${p.action}：该记录已审核，请由审核员更正`, (p) => `${p.action}: it is verified; ask a verifier to correct it`),
  'record.awaitingVerification': say<Noun>(
    (p) => `该${zhNoun(p)}正在等待审核；如需修改，请审核员先退回`,
    (p) => `this ${enNoun(p)} is awaiting verification; ask a verifier to return it before editing`,
  ),
  'record.draftsAreClerks': say<{ action: string }>(
    (p) => `${p.action}：草稿由录入员修改；审核员更正已提交和已审核的记录`,
    (p) => `${p.action}: drafts are their clerk's to edit; verifiers correct submitted and verified records`,
  ),
  'record.changedMeanwhile': say<Noun>((p) => `该${zhNoun(p)}已被他人修改，请刷新后重试`, (p) => `this ${enNoun(p)} was changed meanwhile; reload and try again`),
  'record.wrongStatus': say<Noun & { status: string; operation: string; from: string[] }>(
    (p) => `该${zhNoun(p)}的状态是“${termName('recordStatus', p.status)}”；此操作需要状态为${p.from.map((s) => `“${termName('recordStatus', s)}”`).join('或')}`,
    (p) => `this ${enNoun(p)} is ${termName('recordStatus', p.status)} (${p.status}); ${p.operation} needs ${p.from.join(' or ')}`,
  ),
  'record.fourEyes': say<Noun & { own: 'entered' | 'last changed' }>(
    (p) => `审核${zhNoun(p)}：该记录由您${p.own === 'entered' ? '录入' : '最后修改'}，须由他人审核（管理员可在系统设置中允许单人审核）`,
    (p) => `Verifying a ${enNoun(p)}: you ${p.own} it, so someone else must verify it (an ADMIN can allow single-person verification in registrySettings)`,
  ),
  'record.onlyDraftsDeleted': say<Noun & { status: string }>(
    (p) => `只能删除草稿或已退回的${zhNoun(p)}；该记录的状态是“${termName('recordStatus', p.status)}”`,
    (p) => `only drafts and returned ${enNoun(p)}s can be deleted; this one is ${p.status}`,
  ),
  'record.duplicate': say<{ title: string; year: number | null; status: string; id: string }>(
    (p) => `已有相同记录：${p.title}（${yearZh(p.year)}），${termName('recordStatus', p.status)}，编号 ${p.id}`,
    (p) => `this is already recorded: ${p.title} (${yearEn(p.year)}), ${termName('recordStatus', p.status)}, id ${p.id}`,
  ),
  'record.cannotClear': say<{ field: string }>((p) => `${p.field} 不能清空`, (p) => `${p.field} cannot be cleared`),
  'record.dateOutsideYear': say<{ date: Date; year: number }>((p) => `日期 ${date(p.date)} 不在 ${p.year} 年内`, (p) => `the date ${date(p.date)} lies outside ${p.year}`),
  'record.levelUnspecified': fixed('级别未注明：该记录单独计数，不计入任何级别的合计；如知道级别请补填', 'the level is not stated: the record counts apart from every level; give the level if it is known'),
  'record.dateRange': fixed('应在 1950 年到今天之间', 'must lie between 1950 and today'),
  'record.year.whole': fixed('年份应为整数', 'year must be a whole number'),
  'record.year.from1950': fixed('年份应不早于 1950 年', 'year must be 1950 or later'),
  'record.year.future': fixed('年份不能晚于明年', 'year lies in the future'),
  // Recipients
  'recipients.personNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的职工`, (p) => `no person has id ${p.id}`),
  'recipients.listedTwice': say<{ name: string }>((p) => `${p.name} 重复列出`, (p) => `${p.name} is listed twice`),
  'recipients.needsDepartment': fixed('科室集体（DEPARTMENT）须填写 departmentId', 'a DEPARTMENT collective needs departmentId'),
  'recipients.departmentNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的科室`, (p) => `no department has id ${p.id}`),
  'recipients.institutionNoDepartment': fixed('全院集体（INSTITUTION）不填 departmentId', 'the whole institution (INSTITUTION) takes no departmentId'),
  // Awards
  'award.tooManyPeople': fixed('每条获奖记录最多 50 人', 'at most 50 people per award'),
  'award.placementWhole': fixed('名次应为整数', 'placement must be a whole number'),
  'award.placementMin': fixed('名次应不小于 1', 'placement must be 1 or more'),
  'award.placementMax': fixed('名次应不大于 100', 'placement must be at most 100'),
  'award.resultRequired': fixed('请填写获奖结果：等级、名次，或“多项奖项”之类的文字', 'give the result: a grade, a placement, or a text such as 多项奖项'),
  'award.oneResult': say<{ given: string[] }>((p) => `获奖结果只能填一项，现同时填了 ${p.given.join(' 和 ')}`, (p) => `give one result only: ${p.given.join(' and ')} were both given`),
  'award.recipientsRequired': fixed('获奖记录至少需要一位职工或一个集体', 'an award needs at least one person or a collective'),
  'award.dateRequired': fixed('获奖记录需要日期', 'an award needs its date'),
  'award.similar': say<{ title: string; year: number }>(
    (p) => `同样的获奖者在“${p.title}”（${p.year}年）已有获奖记录；是否为同一竞赛的不同写法？`,
    (p) => `the same recipients have an award in ${p.title} (${p.year}); is that the same competition spelled differently?`,
  ),
  'award.sameCompetition': say<{ title: string; result: string }>(
    (p) => `同样的获奖者在“${p.title}”中已有一条${p.result}的记录；是否重复录入？`,
    (p) => `the same recipients already have ${p.result} in ${p.title}; is this entered twice?`,
  ),
  // Honours
  'honour.yearOrUnknown': fixed('请填写年度，或注明获得年份不详（sinceUnknown）', 'give the year, or say it is unknown (sinceUnknown)'),
  'honour.unknownHasNoYear': fixed('获得年份不详的称号不填年度和授予日期', 'a title held since an unknown year takes no year and no date'),
  'honour.holdersNeedCollective': fixed('人数用于集体（全院或科室）中获此称号的人数，不能与个人同时填写', 'a holder count goes with a collective (the institution or a department), not with a person'),
  'honour.holderCountRange': fixed('人数应为 2 到 10000 的整数', 'the holder count must be a whole number from 2 to 10000'),
  'honour.personOrCollective': fixed('荣誉授予个人或集体，不能同时填写', 'an honour goes to a person or to a collective, not both'),
  'honour.recipientRequired': fixed('请填写荣誉获得者：个人或集体', 'an honour needs its recipient: a person or a collective'),
  'honour.personOnly': say<{ kind: string }>((p) => `“${termName('honourKind', p.kind)}”授予个人，不授予集体`, (p) => `a ${termName('honourKind', p.kind)} title goes to a person, not a collective`),
  'honour.collectiveOnly': say<{ kind: string }>((p) => `“${termName('honourKind', p.kind)}”授予集体，不授予个人`, (p) => `a ${termName('honourKind', p.kind)} title goes to a collective, not a person`),
  'honour.awardNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的获奖记录`, (p) => `no award has id ${p.id}`),
  'honour.awardElsewhere': say<{ title: string }>((p) => `获奖记录“${p.title}”的获奖者不是此人`, (p) => `the award ${p.title} went to someone else`),
  'honour.similar': say<{ title: string; year: number | null }>(
    (p) => `该获得者已有“${p.title}”（${yearZh(p.year)}）；是否为同一称号？`,
    (p) => `the same recipient holds ${p.title} (${yearEn(p.year)}); is this the same title?`,
  ),
  'honour.validUntilBeforeDate': fixed('有效期截止日早于授予日期', 'validUntil lies before the date the honour was conferred'),
  'honour.wrongState': say<{ state: string; from: string[] }>(
    (p) => `该荣誉的状态是“${termName('honourState', p.state)}”；此操作需要${p.from.map((s) => `“${termName('honourState', s)}”`).join('或')}`,
    (p) => `the honour is ${termName('honourState', p.state)}; this step needs ${p.from.map((s) => termName('honourState', s)).join(' or ')}`,
  ),
  'honour.changedMeanwhile': fixed('该荣誉已被他人修改，请刷新后重试', 'the honour was changed meanwhile; reload and try again'),
  // Model-worker designations
  'designation.tooManyMembers': fixed('工作室成员最多 100 人', 'at most 100 studio members'),
  // Ranking policy
  'policy.eachLevelOnce': say<{ count: number }>((p) => `请把 ${p.count} 个级别各列一次`, (p) => `list each of the ${p.count} levels exactly once`),
  'policy.eachGradeOnce': say<{ count: number }>((p) => `请把 ${p.count} 个等级各列一次`, (p) => `list each of the ${p.count} grades exactly once`),
  'policy.emptyTier': fixed('档次不能为空', 'a tier cannot be empty'),
  'policy.tooManyTiers': say<{ count: number }>((p) => `最多 ${p.count} 个档次`, (p) => `at most ${p.count} tiers`),
} as const;
