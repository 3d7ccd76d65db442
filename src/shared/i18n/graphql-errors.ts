// graphql-js and Apollo answer malformed requests in English. For a Chinese caller the common
// ones are said again in Chinese (names and types kept as written); anything else gets a
// Chinese lead-in before the original. The original stays in extensions.detail.

type Rewrite = [RegExp, (...m: string[]) => string];

const REASONS: Rewrite[] = [
  [/^Int cannot represent non-integer value: (.*)$/s, (v) => `Int 不能表示非整数值 ${v}`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (v) => `Int 只能表示 32 位有符号整数，${v} 超出范围`],
  [/^Float cannot represent non numeric value: (.*)$/s, (v) => `Float 不能表示非数值 ${v}`],
  [/^String cannot represent a non string value: (.*)$/s, (v) => `String 不能表示非字符串值 ${v}`],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, (v) => `Boolean 不能表示非布尔值 ${v}`],
  [/^ID cannot represent value: (.*)$/s, (v) => `ID 不能表示值 ${v}`],
  [/^Value "(.*?)" does not exist in "(.*?)" enum\.(.*)$/s, (v, e) => `枚举 ${e} 中没有值 ${v}`],
  [/^Enum "(.*?)" cannot represent non-enum value: (.*?)\.(.*)$/s, (e, v) => `枚举 ${e} 不能表示值 ${v}`],
  [/^Field "(.*?)" of required type "(.*?)" was not provided\.$/s, (f, ty) => `缺少必填字段 ${f}（类型 ${ty}）`],
  [/^Field "(.*?)" is not defined by type "(.*?)"\.(.*)$/s, (f, ty) => `类型 ${ty} 中没有字段 ${f}`],
  [/^Expected type "(.*?)" to be an object\.$/s, (ty) => `应为 ${ty} 类型的对象`],
  [/^Expected value of type "(.*?)", found (.*?)(?:; (.*))?$/s, (ty, v, why) => `应为 ${ty} 类型的值，收到 ${v}${why ? `：${localiseGraphqlMessage(why)}` : ''}`],
  [/^Expected non-nullable type "(.*?)" not to be null\.$/s, (ty) => `${ty} 类型的值不能为 null`],
];

const MESSAGES: Rewrite[] = [
  [/^Syntax Error: (.*)$/s, (d) => `查询语句有语法错误：${d}`],
  [/^Variable "\$(.*?)" got invalid value (.*?) at "(.*?)"; (.*)$/s, (v, value, at, why) => `变量 $${v} 在 ${at} 处的取值 ${value} 有误：${reason(why)}`],
  [/^Variable "\$(.*?)" got invalid value (.*?); (.*)$/s, (v, value, why) => `变量 $${v} 的取值 ${value} 有误：${reason(why)}`],
  [/^Variable "\$(.*?)" of required type "(.*?)" was not provided\.$/s, (v, ty) => `缺少必填变量 $${v}（类型 ${ty}）`],
  [/^Variable "\$(.*?)" of non-null type "(.*?)" must not be null\.$/s, (v, ty) => `变量 $${v}（类型 ${ty}）不能为 null`],
  [/^Cannot query field "(.*?)" on type "(.*?)"\.(.*)$/s, (f, ty) => `类型 ${ty} 上没有字段 ${f}`],
  [/^Unknown argument "(.*?)" on field "(.*?)"\.(.*)$/s, (a, f) => `字段 ${f} 没有参数 ${a}`],
  [/^Unknown type "(.*?)"\.(.*)$/s, (ty) => `没有类型 ${ty}`],
  [/^Field "(.*?)" argument "(.*?)" of type "(.*?)" is required, but it was not provided\.$/s, (f, a, ty) => `字段 ${f} 缺少必填参数 ${a}（类型 ${ty}）`],
  [/^Field "(.*?)" of type "(.*?)" must have a selection of subfields\.(.*)$/s, (f, ty) => `字段 ${f}（类型 ${ty}）须选择子字段`],
  [/^Field "(.*?)" must not have a selection since type "(.*?)" has no subfields\.$/s, (f, ty) => `字段 ${f}（类型 ${ty}）没有子字段，不能选择`],
  [/^Unknown operation named "(.*?)"\.$/s, (n) => `没有名为 ${n} 的操作`],
  [/^Must provide operation name if query contains multiple operations\.$/s, () => '请求包含多个操作时须指定 operationName'],
  [/^Variable "\$(.*?)" is never used(.*)$/s, (v) => `变量 $${v} 未被使用`],
  [/^Variable "\$(.*?)" is not defined(.*)$/s, (v) => `变量 $${v} 未定义`],
  [/^GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension\.$/s, () => '请求须包含非空的 query'],
  [/^This operation has been blocked as a potential Cross-Site Request Forgery/s, () => '该请求被视为可能的跨站请求伪造而拒绝：请以 application/json 发送，或带上 Apollo-Require-Preflight 请求头'],
];

function apply(rules: Rewrite[], text: string): string | null {
  for (const [pattern, say] of rules) {
    const m = pattern.exec(text);
    if (m) return say(...m.slice(1));
  }
  return null;
}

const HAN = /\p{Script=Han}/u;

function reason(text: string): string {
  return HAN.test(text) ? text : (apply(REASONS, text) ?? text);
}

/** The message in Chinese: rewritten where known, else led in so that it is not English alone. */
export function localiseGraphqlMessage(message: string): string {
  if (HAN.test(message) && !/^Variable "\$/.test(message)) return message;
  return apply(MESSAGES, message) ?? apply(REASONS, message) ?? `请求有误：${message}`;
}
