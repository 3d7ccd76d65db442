// People, departments and union groups, accounts, institutions and settings.
import { fixed, say } from '../shared/i18n/define.js';
import { roleNames, UNIT_NOUNS, type UnitNoun } from './words.js';

type Unit = { unit: UnitNoun };

export const organisation = {
  'unit.notFound': say<Unit & { id: string }>((p) => `找不到编号为 ${p.id} 的${UNIT_NOUNS[p.unit].zh}`, (p) => `no ${UNIT_NOUNS[p.unit].en} has id ${p.id}`),
  'unit.duplicateValue': say<Unit & { field: string }>(
    (p) => `已有另一个${UNIT_NOUNS[p.unit].zh}使用了这个${p.field}`,
    (p) => `another ${UNIT_NOUNS[p.unit].en} already has this ${p.field}`,
  ),
  'unit.codeTaken': say<Unit & { code: string; name: string; field: string; value: string }>(
    (p) => `${UNIT_NOUNS[p.unit].zh} ${p.code}（${p.name}）已使用${p.field === 'code' ? '代码' : '名称'}“${p.value}”`,
    (p) => `${UNIT_NOUNS[p.unit].en} ${p.code} (${p.name}) already has ${p.field} ${p.value}`,
  ),
  'unit.codeFormat': fixed('代码只能包含字母、数字、- 和 _', 'code may hold only letters, digits, - and _'),
  // People
  'person.staffNumberFormat': fixed('工号只能包含字母、数字、- 和 _', 'staffNumber may hold only letters, digits, - and _'),
  'person.birthRange': fixed('应在 1900 年到今天之间', 'must lie between 1900 and today'),
  'person.staffNumberTaken': say<{ staffNumber: string; name: string; id: string }>(
    (p) => `工号 ${p.staffNumber} 已属于 ${p.name}（编号 ${p.id}）`,
    (p) => `staff number ${p.staffNumber} already belongs to ${p.name} (id ${p.id})`,
  ),
  'person.alreadyArchived': say<{ name: string }>((p) => `${p.name} 已归档`, (p) => `${p.name} is already archived`),
  'person.archivedMeanwhile': say<{ name: string }>((p) => `${p.name} 已被他人归档`, (p) => `${p.name} was archived meanwhile`),
  // Accounts
  'account.usernameFormat': fixed('用户名应为 3–40 个字母、数字、点、横线或下划线', 'username must be 3-40 letters, digits, dot, dash or underscore'),
  'account.wrongCredentials': fixed('用户名或密码错误，或账号已停用', 'username or password is wrong, or the account is inactive'),
  'account.tooManyFailures': say<{ username: string; seconds: number }>(
    (p) => `账号 ${p.username} 登录失败次数过多，请 ${p.seconds} 秒后再试`,
    (p) => `Too many failed sign-ins for ${p.username}; try again in ${p.seconds} s`,
  ),
  'account.federationNoInstitution': fixed('系统工会账号跨单位工作，登录时不填单位', 'a federation account acts across institutions; sign in without one'),
  'account.noInstitution': fixed('该账号不属于任何单位', 'the account belongs to no institution'),
  'account.notYourInstitution': say<{ home: string; code: string }>(
    (p) => `您只能登录本单位（${p.home}）或演示单位；${p.code} 都不是`,
    (p) => `you may sign in to your own institution (${p.home}) or a demo institution; ${p.code} is neither`,
  ),
  'account.notFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的账号`, (p) => `no account has id ${p.id}`),
  'account.developmentToken': fixed('该令牌不对应任何账号（开发用令牌）', 'this token names no account (a development token)'),
  'account.placeNotFound': say<{ type: 'Department' | 'UnionGroup'; id: string }>(
    (p) => `找不到编号为 ${p.id} 的${p.type === 'Department' ? '科室' : '工会小组'}`,
    (p) => `no ${p.type === 'Department' ? 'department' : 'union group'} has id ${p.id}`,
  ),
  'account.rolesYouMayGive': say<{ roles: readonly string[] }>(
    (p) => `您可以授予的角色：${roleNames(p.roles, '、')}；单位及其第一位管理员由 institutionCreate 创建`,
    (p) => `you may give the roles ${p.roles.join(', ')}; institutions and their first ADMIN come from institutionCreate`,
  ),
  'account.clerkNeedsScope': fixed('录入员至少需要一个科室或工会小组的范围，或全院范围（wholeInstitution）', 'a CLERK needs at least one department or union group in scope, or wholeInstitution'),
  'account.usernameTaken': say<{ username: string }>((p) => `用户名 ${p.username} 已被使用`, (p) => `username ${p.username} is taken`),
  'account.roleFamily': fixed('单位账号不能改为系统工会账号，反之亦然；请新建账号', 'an institution account cannot become a federation account or the other way round; create a new account'),
  'account.notYourself': fixed('不能停用或降级自己的账号', 'you cannot deactivate or demote your own account'),
  // Passwords
  'password.tooShort': say<{ min: number }>((p) => `密码至少需要 ${p.min} 个字符`, (p) => `password must be at least ${p.min} characters`),
  'password.tooLong': say<{ max: number }>((p) => `密码最多 ${p.max} 个字符`, (p) => `password must be at most ${p.max} characters`),
  'password.blank': fixed('密码不能只由空格或控制字符组成', 'password must not consist of spaces or control characters only'),
  'password.repeated': fixed('密码不能是同一个字符的重复', 'password must not be one character repeated'),
  'password.common': fixed('这是常见密码，请换一个', 'password is on the list of commonly used passwords; choose another'),
  'password.containsUsername': fixed('密码不能包含用户名', 'password must not contain the username'),
  // Institutions
  'institution.codeFormat': fixed('单位代码应为 2–20 个大写字母、数字、横线或下划线', 'code must be 2-20 capital letters, digits, dash or underscore'),
  'institution.codeTaken': say<{ code: string }>((p) => `代码 ${p.code} 已被其他单位使用`, (p) => `an institution already has the code ${p.code}`),
  'institution.nameTaken': say<{ name: string }>((p) => `已有单位名为“${p.name}”`, (p) => `an institution is already called ${p.name}`),
  'institution.notAdministered': say<{ id: string }>((p) => `您管理的单位中没有编号为 ${p.id} 的`, (p) => `no institution you administer has id ${p.id}`),
  'institution.notFound': say<{ id: string }>((p) => `找不到编号为 ${p.id} 的单位`, (p) => `no institution has id ${p.id}`),
  'institution.realRecords': say<{ name: string }>((p) => `${p.name} 存有真实记录：只有演示单位可以删除`, (p) => `${p.name} holds real records: only a demo institution can be removed`),
  'institution.confirmCode': say<{ code: string }>((p) => `请输入单位代码（${p.code}）以确认`, (p) => `type the institution's code (${p.code}) to confirm`),
  'institution.tooMany': say<{ max: number }>((p) => `最多 ${p.max} 个单位`, (p) => `at most ${p.max} institutions`),
  'institution.notAnId': say<{ index: number }>((p) => `institutionIds[${p.index}] 不是单位编号`, (p) => `institutionIds[${p.index}] is not an institution's id`),
  'institution.noneOf': say<{ ids: string[] }>((p) => `找不到编号为 ${p.ids.join('、')} 的单位`, (p) => `no institution has id ${p.ids.join(', ')}`),
  // Audit
  'audit.badEntityId': fixed('filter.entityId 不是有效的编号', 'filter.entityId is not a valid id'),
} as const;
