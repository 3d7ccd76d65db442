// Requests, sign-in, permissions, paging and limits: what any call can be told.
import { fixed, say } from '../shared/i18n/define.js';
import { roleName, roleNames, typeWord } from './words.js';

export const requests = {
  'auth.signInFirst': fixed('请先登录：在请求头中携带 login 返回的令牌（Bearer）', 'Sign in first: send a bearer token from the login mutation'),
  'auth.badHeader': fixed('Authorization 请求头应为“Bearer <令牌>”', 'Authorization must be "Bearer <token>"'),
  'auth.badToken': fixed('令牌无效或已过期，请重新登录', 'The token is invalid or expired; sign in again'),
  'auth.institutionGone': fixed('令牌所属的单位已不存在，请重新登录', 'The token names an institution that no longer exists; sign in again'),
  'auth.notYourInstitution': fixed('令牌指定的单位不是该账号所属单位', 'The token names an institution the account does not belong to'),
  'auth.revoked': fixed('令牌已失效（账号已修改、停用或已退出登录），请重新登录', 'The token was revoked (the account was changed, deactivated or signed out); sign in again'),
  'auth.needsRole': say<{ action: string; roles: string[]; role: string }>(
    (p) => `${p.action}需要${roleNames(p.roles, '或')}角色，您的角色是${roleName(p.role)}`,
    (p) => `${p.action} needs the role ${p.roles.join(' or ')}; you are ${p.role}`,
  ),
  'auth.outsideScope': say<{ action: string; departments: string[]; unionGroups: string[] }>(
    (p) => `${p.action}：该记录不在您的范围内（科室：${p.departments.join('、') || '无'}；工会小组：${p.unionGroups.join('、') || '无'}）`,
    (p) => `${p.action}: the record lies outside your scope (departments ${p.departments.join(', ') || 'none'}; union groups ${p.unionGroups.join(', ') || 'none'})`,
  ),
  'metrics.localOnly': fixed('运行指标只对本机的客户端开放（未设置 METRICS_TOKEN）', 'Metrics are served to clients on this machine only (METRICS_TOKEN is not set)'),
  'metrics.tokenRequired': fixed('读取运行指标需要携带 METRICS_TOKEN（Authorization: Bearer <令牌>）', 'Metrics need the METRICS_TOKEN as a bearer token (Authorization: Bearer <token>)'),
  'request.oneLogin': fixed('一次请求只能登录一次', 'one login per request'),
  'request.tooManyReports': say<{ limit: number; asked: number }>(
    (p) => `一次请求最多生成 ${p.limit} 份报告，本次请求了 ${p.asked} 份`,
    (p) => `a request may build at most ${p.limit} report(s); this one asks for ${p.asked}`,
  ),
  'request.internal': say<{ errorId: string }>((p) => `服务器内部错误（错误编号 ${p.errorId}）`, (p) => `Internal server error (error id ${p.errorId})`),
  'request.internalPlain': fixed('服务器内部错误', 'internal server error'),
  'request.bodyTooLarge': say<{ limit: number }>((p) => `请求体超过 ${p.limit} 字节的上限`, (p) => `request body exceeds the limit of ${p.limit} bytes`),
  'request.badJson': fixed('请求体不是有效的 JSON', 'request body is not valid JSON'),
  'request.bad': fixed('请求有误', 'bad request'),
  'request.nulInVariable': say<{ path: string }>((p) => `变量 ${p.path || '（根）'} 含有 NUL 字符`, (p) => `variable ${p.path || '(root)'} contains a NUL character`),
  'request.nulInKey': say<{ path: string }>((p) => `变量 ${p.path || '（根）'} 下的某个键含有 NUL 字符`, (p) => `a variable key under ${p.path || '(root)'} contains a NUL character`),
  'request.nulInQuery': fixed('查询中的某个字符串含有 NUL 字符', 'a string in the query contains a NUL character'),
  'request.nestedTooDeep': say<{ limit: number }>((p) => `变量嵌套超过 ${p.limit} 层`, (p) => `variables are nested more than ${p.limit} levels deep`),
  'request.tooDeep': say<{ depth: number; limit: number }>((p) => `查询深度 ${p.depth} 超过上限 ${p.limit}`, (p) => `query depth ${p.depth} exceeds the limit of ${p.limit}`),
  'request.tooManyAliases': say<{ aliases: number; limit: number }>((p) => `查询使用了 ${p.aliases} 个别名，上限为 ${p.limit}`, (p) => `query uses ${p.aliases} aliases; the limit is ${p.limit}`),
  'request.tooCostly': say<{ cost: number; limit: number }>(
    (p) => `查询开销 ${p.cost} 超过上限 ${p.limit}，请减小每页条数或少取字段`,
    (p) => `query cost ${p.cost} exceeds the limit of ${p.limit}; ask for smaller pages or fewer fields`,
  ),
  'request.busy': say<{ what: string; limit: number; seconds: number }>(
    (p) => `${p.what}：同时最多 ${p.limit} 个，请 ${p.seconds} 秒后再试`,
    (p) => `${p.what}: at most ${p.limit} at once; try again in ${p.seconds} s`,
  ),
  'request.parameterTwice': say<{ name: string }>((p) => `查询参数 ${p.name} 只能给一次，且为纯文本`, (p) => `query parameter ${p.name} must be given once, as plain text`),
  'request.unknownParameter': say<{ name: string; known: string[] }>(
    (p) => `未知的查询参数 ${p.name}；可用：${p.known.join('、') || '无'}`,
    (p) => `unknown query parameter ${p.name}; known: ${p.known.join(', ') || 'none'}`,
  ),
  'request.badParameter': say<{ name: string; problem: string }>((p) => `查询参数 ${p.name}：${p.problem}`, (p) => `query parameter ${p.name}: ${p.problem}`),
  'request.fourDigitYear': fixed('应为四位年份', 'must be a four-digit year'),
  'request.oneOf': say<{ values: readonly string[] }>((p) => `应为以下之一：${p.values.join('、')}`, (p) => `must be one of ${p.values.join(', ')}`),
  'request.formats': say<{ formats: string[] }>((p) => `可用格式：${p.formats.join('、')}`, (p) => `formats: ${p.formats.join(', ')}`),
  'search.tooLong': say<{ max: number }>((p) => `搜索词最多 ${p.max} 个字`, (p) => `a search holds at most ${p.max} characters`),
  'page.badCursor': fixed('after 不是本列表给出的游标', 'after is not a cursor this list produced'),
  'page.badSize': say<{ max: number }>((p) => `first 应在 0 到 ${p.max} 之间`, (p) => `first must be between 0 and ${p.max}`),
  'id.notOfType': say<{ field: string; type: string }>((p) => `${p.field} 不是${typeWord(p.type)}的编号`, (p) => `${p.field} is not a ${p.type} id`),
  'scalar.dateTime': say<{ got: string }>(
    (p) => `DateTime 应为带时区的 ISO-8601 时间，如 2020-10-01T08:00:00Z；收到 ${p.got}`,
    (p) => `DateTime must be an ISO-8601 date and time with a zone, e.g. 2020-10-01T08:00:00Z; got ${p.got}`,
  ),
  'scalar.notAMoment': say<{ value: string }>((p) => `DateTime ${p.value} 不是真实存在的时刻`, (p) => `DateTime ${p.value} is not a real moment`),
  'scalar.date': say<{ got: string }>((p) => `Date 应为 YYYY-MM-DD，如 2020-10-01；收到 ${p.got}`, (p) => `Date must be YYYY-MM-DD, e.g. 2020-10-01; got ${p.got}`),
  'scalar.noSuchDate': say<{ value: string }>((p) => `日期 ${p.value} 不存在`, (p) => `Date ${p.value} does not exist`),
  'year.between': say<{ from: number; to: number }>((p) => `年份应在 ${p.from} 到 ${p.to} 之间`, (p) => `year must be between ${p.from} and ${p.to}`),
} as const;
