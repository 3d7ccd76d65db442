// Competitions, donations and civilised-post campaigns.
import { fixed, say } from '../shared/i18n/define.js';
import { date, termName } from './words.js';

export const competitions = {
  'competition.notFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的竞赛`, (p) => `no competition has id ${p.id}`),
  'competition.similar': say<{ name: string; year: number }>(
    (p) => `${p.year}年已登记名为“${p.name}”的竞赛；是否为同一竞赛？`,
    (p) => `a competition named ${p.name} is already recorded for ${p.year}; is it the same one?`,
  ),
  'competition.duplicate': say<{ name: string; year: number; id: string }>((p) => `“${p.name}”（${p.year}年）已登记（编号 ${p.id}）`, (p) => `${p.name} (${p.year}) is already recorded (id ${p.id})`),
  'competition.catalogueOwner': say<{ name: string }>((p) => `“${p.name}”属于共享目录，由系统工会管理员更正`, (p) => `${p.name} is in the shared catalogue: the federation's administrator corrects it`),
  'competition.institutionOwner': say<{ name: string }>((p) => `“${p.name}”属于本单位，由本单位管理员或审核员修改`, (p) => `${p.name} belongs to one institution: its ADMIN or VERIFIER changes it`),
  'competition.inUse': say<{ name: string; count: number }>(
    (p) => `“${p.name}”下有 ${p.count} 条获奖记录，不能删除；请先删除或改挂这些记录`,
    (p) => `${p.name} has ${p.count} award(s); delete them or move them to another competition first`,
  ),
  // Donations
  'donation.donorCountWhole': fixed('人数应为整数', 'donorCount must be a whole number'),
  'donation.donorCountMin': fixed('汇总捐赠至少 1 人', 'an aggregate donation needs at least 1 donor'),
  'donation.quantityPositive': fixed('数量应大于 0', 'quantity must be more than 0'),
  'donation.quantityHuge': fixed('数量大得不合理', 'quantity is implausibly large'),
  'donation.wholeUnits': say<{ kind: string; unit: string }>((p) => `${termName('donationKind', p.kind)}以整${p.unit}计`, (p) => `${termName('donationKind', p.kind)} is counted in whole ${p.unit}`),
  'donation.aggregateNoDonor': fixed('汇总捐赠（填了人数）不填单个捐赠人', 'an aggregate donation (donorCount) names no single donor'),
  'donation.oneDonor': fixed('捐赠人只能是个人或集体之一', 'one donor: a person or a collective, not both'),
  'donation.donorRequired': fixed('请填写捐赠人（个人或集体），或汇总捐赠的人数', 'give the donor (a person or a collective), or donorCount for an aggregate'),
  'donation.beneficiaryNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的职工`, (p) => `no person has id ${p.id}`),
  'donation.duplicate': say<{ quantity: string; date: Date; id: string }>(
    (p) => `该捐赠已登记：${p.quantity}，${date(p.date)}，编号 ${p.id}`,
    (p) => `this donation is already recorded: ${p.quantity} on ${date(p.date)}, id ${p.id}`,
  ),
  // Campaigns
  'competition.participantsRange': fixed('参赛人数应为 1 到 100000 的整数', 'participants must be a whole number from 1 to 100000'),
  'competition.participantsNeedHosted': fixed('参赛人数只用于工会自己组织的活动（hostedByUnion）', 'participants are recorded for the union’s own events only (hostedByUnion)'),
  'competition.approxNeedsCount': fixed('“余”或“近”须与参赛人数一起填写', 'OVER or NEARLY goes with a number of participants'),
  'competition.hostedNotShared': fixed('共享目录中的竞赛不是本院工会自己组织的活动', 'a competition in the shared catalogue is not the union’s own event'),
  'campaign.scoreRange': fixed('得分应在 0 到 100 之间', 'score must be between 0 and 100'),
  'campaign.departmentNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的科室`, (p) => `no department has id ${p.id}`),
  'campaign.plannedAfterYear': say<{ year: number; planned: number }>((p) => `${p.year}年的活动不能在${p.planned}年计划`, (p) => `a campaign for ${p.year} cannot be planned in ${p.planned}`),
  'campaign.duplicate': say<{ department: string; title: string; year: number; id: string }>(
    (p) => `${p.department}已有${p.year}年的${p.title}创建活动（编号 ${p.id}）`,
    (p) => `${p.department} already has a ${p.title} campaign for ${p.year} (id ${p.id})`,
  ),
  'campaign.notFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的文明岗活动`, (p) => `no campaign has id ${p.id}`),
  'campaign.wrongStep': say<{ from: string; to: string; next: string[] }>(
    (p) => `状态为“${termName('campaignStatus', p.from)}”的活动不能改为“${termName('campaignStatus', p.to)}”；下一步可为：${p.next.map((s) => termName('campaignStatus', s)).join('或') || '无'}`,
    (p) => `a campaign that is ${termName('campaignStatus', p.from)} cannot become ${termName('campaignStatus', p.to)}; next: ${p.next.join(' or ') || 'nothing'}`,
  ),
  'campaign.beforePrevious': say<{ date: Date }>((p) => `日期早于上一步（${date(p.date)}）`, (p) => `the date lies before the previous step (${date(p.date)})`),
  'campaign.scoreOnInspection': fixed('得分属于验收（INSPECTED）这一步', 'a score belongs to the inspection (INSPECTED) step'),
  'campaign.namingNeedsBody': fixed('命名需要填写授予单位', 'naming needs the conferring body'),
  'campaign.changedMeanwhile': fixed('该活动已被他人修改，请刷新后重试', 'the campaign was changed meanwhile; reload and try again'),
  // Reports
  'report.federationNamesInstitution': fixed('系统角色查看单个单位的报告时须指定 institutionId', 'a federation report of one institution names it: institutionId'),
  'report.institutionNotFound': say<{ id: string }>((p) => `您可查看报告的单位中没有编号为 ${p.id} 的`, (p) => `no institution you may report on has id ${p.id}`),
  'report.scopeOne': fixed('范围只能是一个科室或一个工会小组，不能同时指定', 'scope takes a department or a union group, not both'),
  'report.departmentNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的科室`, (p) => `no department has id ${p.id}`),
  'report.unionGroupNotFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的工会小组`, (p) => `no union group has id ${p.id}`),
} as const;
