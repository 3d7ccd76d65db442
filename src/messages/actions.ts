// What a caller tried to do, as permission messages name it ("录入获奖记录需要…").
import { fixed, say } from '../shared/i18n/define.js';
import { NOUNS, type RecordNoun } from './words.js';

const onRecord = (zh: string, en: string) => say<{ noun: RecordNoun }>((p) => `${zh}${NOUNS[p.noun].zh}`, (p) => `${en} ${/^[aeiou]/.test(NOUNS[p.noun].en) ? 'an' : 'a'} ${NOUNS[p.noun].en}`);

export const actions = {
  'action.readAccounts': fixed('查看账号', 'Reading accounts'),
  'action.signOutOthers': fixed('让其他用户退出登录', "Signing out another user's sessions"),
  'action.listAccounts': fixed('列出账号', 'Listing accounts'),
  'action.manageAccounts': fixed('管理账号', 'Managing accounts'),
  'action.createAccount': fixed('创建账号', 'Creating an account'),
  'action.changeAccount': fixed('修改账号', 'Changing an account'),
  'action.createInstitution': fixed('创建单位', 'Creating an institution'),
  'action.changeInstitution': fixed('修改单位', 'Changing an institution'),
  'action.removeInstitution': fixed('删除单位', 'Removing an institution'),
  'action.federationReport': fixed('查看系统报告', 'A federation report'),
  'action.readAudit': fixed('查看审计日志', 'Reading the audit log'),
  'action.createDepartment': fixed('新建科室', 'Creating a department'),
  'action.changeDepartment': fixed('修改科室', 'Changing a department'),
  'action.createUnionGroup': fixed('新建工会小组', 'Creating a union group'),
  'action.changeUnionGroup': fixed('修改工会小组', 'Changing a union group'),
  'action.addCompetition': fixed('新增竞赛', 'Adding a competition'),
  'action.markHosted': fixed('把竞赛登记为工会自己组织的活动', 'Recording a competition as the union’s own event'),
  'action.changeCompetition': fixed('修改竞赛', 'Changing a competition'),
  'action.deleteCompetition': fixed('删除竞赛', 'Deleting a competition'),
  'action.changeSettings': fixed('修改系统设置', 'Changing the registry settings'),
  'action.changeRanking': fixed('修改排序规则', 'Changing the ranking policy'),
  'action.recordDonation': fixed('登记捐赠', 'Recording a donation'),
  'action.import': fixed('导入记录', 'Importing records'),
  'action.enterAward': fixed('录入获奖记录', 'Entering an award'),
  'action.recordHonour': fixed('登记荣誉', 'Recording an honour'),
  'action.manageHonour': fixed('管理荣誉', 'Managing an honour'),
  'action.recordDesignation': fixed('登记劳模/工匠', 'Recording a model-worker designation'),
  'action.startCampaign': fixed('创建文明岗活动', 'Starting a campaign'),
  'action.advanceCampaign': fixed('推进文明岗活动', 'Advancing a campaign'),
  'action.addPerson': fixed('新增职工', 'Adding a person'),
  'action.changePerson': fixed('修改职工信息', 'Changing a person'),
  'action.movePerson': fixed('调动职工', 'Moving a person'),
  'action.archivePerson': fixed('归档职工', 'Archiving a person'),
  'action.edit': onRecord('编辑', 'Editing'),
  'action.submit': onRecord('提交', 'Submitting'),
  'action.verify': onRecord('审核', 'Verifying'),
  'action.return': onRecord('退回', 'Returning'),
  'action.delete': onRecord('删除', 'Deleting'),
  'slots.reports': fixed('正在为您生成的报告', 'Reports being built for you'),
  'slots.imports': fixed('正在运行的导入', 'Imports running'),
} as const;

export type ActionKey = Extract<keyof typeof actions, `action.${string}`>;
