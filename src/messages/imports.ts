// Imports: file-level refusals and the errors shown on a row's cells.
import { fixed, say } from '../shared/i18n/define.js';

const CODE_WORDS: Record<string, { zh: string; en: string }> = {
  REQUIRED: { zh: '必填', en: 'required' },
  INVALID: { zh: '格式或内容不正确', en: 'invalid' },
  TOO_LONG: { zh: '内容过长', en: 'too long' },
  TOO_SHORT: { zh: '内容过短', en: 'too short' },
  OUT_OF_RANGE: { zh: '超出允许范围', en: 'out of range' },
  DUPLICATE: { zh: '与已有记录重复', en: 'duplicate' },
  NOT_FOUND: { zh: '找不到对应记录', en: 'not found' },
  INVALID_STATE: { zh: '记录当前状态不允许此操作', en: 'not allowed in the record’s state' },
};

export const imports = {
  'import.serviceRefusal': say<{ code: string; message: string }>((p) => `${CODE_WORDS[p.code]?.zh ?? '有误'}：${p.message}`, (p) => `${CODE_WORDS[p.code]?.en ?? p.code}: ${p.message}`),
  'import.outsideScope': say<{ message: string }>((p) => `超出您的权限范围：${p.message}`, (p) => `outside your scope: ${p.message}`),
  'import.twinRow': say<{ row: number }>((p) => `与第${p.row}行重复`, (p) => `the same as row ${p.row}`),
  'import.unknownKind': say<{ kind: string; kinds: string[] }>((p) => `没有“${p.kind}”这种导入；可用：${p.kinds.join('、')}`, (p) => `no import of kind ${p.kind}; kinds: ${p.kinds.join(', ')}`),
  'import.notAJob': fixed('不是导入任务的编号', 'not an import job id'),
  'import.templates': say<{ files: string[] }>((p) => `可用模板：${p.files.join('、')}`, (p) => `templates: ${p.files.join(', ')}`),
  'import.kinds': say<{ kinds: string[] }>((p) => `可用导入：${p.kinds.join('、')}`, (p) => `imports: ${p.kinds.join(', ')}`),
  'import.headers': say<{ missing: string[]; unknown: string[]; template: string }>(
    (p) => [p.missing.length ? `缺少必填列：${p.missing.join('、')}` : '', p.unknown.length ? `无法识别的列：${p.unknown.join('、')}` : ''].filter(Boolean).join('；') + `。请使用“${p.template}”模板。`,
    (p) =>
      [p.missing.length ? `required columns missing: ${p.missing.join(', ')}` : '', p.unknown.length ? `columns not recognised: ${p.unknown.join(', ')}` : ''].filter(Boolean).join('; ') +
      `. Use the “${p.template}” template.`,
  ),
  'file.tooLarge': say<{ mib: number }>((p) => `文件超过 ${p.mib} MiB 的上限`, (p) => `the file exceeds the limit of ${p.mib} MiB`),
  'file.badUpload': say<{ detail: string }>((p) => `上传格式不正确：${p.detail}`, (p) => `the upload is malformed: ${p.detail}`),
  'file.noFile': fixed('请以 multipart/form-data 上传文件，字段名为 file', 'upload the file as multipart/form-data, in the field named file'),
  'file.inflatesTooLarge': say<{ limit: string }>((p) => `工作簿解压后超过 ${p.limit} 的上限`, (p) => `the workbook inflates to more than the limit of ${p.limit}`),
  'file.tooManyRows': say<{ limit: number }>((p) => `数据行超过 ${p.limit} 行的上限，请分批导入`, (p) => `the sheet has more than the limit of ${p.limit} data rows; import it in parts`),
  'file.tooManyColumns': say<{ limit: number }>((p) => `列数超过 ${p.limit} 列的上限`, (p) => `the sheet has more than the limit of ${p.limit} columns`),
  'file.empty': fixed('文件为空：第1行应为列标题', 'the file is empty: row 1 should hold the column headers'),
  'file.noRows': fixed('文件没有数据行', 'the file has no data rows'),
  'file.notXlsx': fixed('无法读取文件：不是有效的 .xlsx 工作簿', 'cannot read the file: it is not a valid .xlsx workbook'),
  'file.noSheets': fixed('工作簿中没有工作表', 'the workbook holds no sheet'),
  'file.neither': fixed('无法读取文件：不是 .xlsx 工作簿，也不是文本 CSV', 'cannot read the file: it is neither an .xlsx workbook nor a text CSV'),
  'file.badCsv': say<{ detail: string }>((p) => `无法读取 CSV：${p.detail}`, (p) => `cannot read the CSV: ${p.detail}`),
  'cell.required': fixed('必填', 'required'),
  'cell.noStaffNumber': say<{ number: string }>((p) => `找不到工号为“${p.number}”的职工`, (p) => `no staff member has the staff number “${p.number}”`),
  'cell.noPerson': say<{ name: string; department?: string }>(
    (p) => `找不到${p.department ? `${p.department}的` : ''}职工“${p.name}”`,
    (p) => `no staff member “${p.name}”${p.department ? ` in ${p.department}` : ''}`,
  ),
  'cell.namesakes': say<{ name: string; count: number }>((p) => `有${p.count}位职工名为“${p.name}”，请填写工号或科室`, (p) => `${p.count} staff members are called “${p.name}”; give the staff number or the department`),
  'cell.noDepartment': say<{ value: string }>((p) => `找不到科室“${p.value}”`, (p) => `no department “${p.value}”`),
  'cell.noUnionGroup': say<{ value: string }>((p) => `找不到工会小组“${p.value}”`, (p) => `no union group “${p.value}”`),
  'cell.badDate': say<{ value: string }>(
    (p) => `无法识别的日期“${p.value}”（可写 2020-10-01、2020/10/1、2020年10月）`,
    (p) => `“${p.value}” is not a date (write 2020-10-01, 2020/10/1 or 2020年10月)`,
  ),
  'cell.unknownWord': say<{ value: string; help: string }>((p) => `无法识别“${p.value}”，可填：${p.help}`, (p) => `“${p.value}” is not recognised; one of: ${p.help}`),
  'cell.recipientRequired': fixed('请填写获奖者（工号或姓名）或获奖集体', 'give the recipients (staff numbers or names) or the collective'),
  'cell.fourDigitYear': fixed('请填写四位年份，如 2020', 'give a four-digit year, e.g. 2020'),
  'cell.badQuantity': say<{ value: string }>((p) => `无法识别的数量“${p.value}”`, (p) => `“${p.value}” is not a quantity`),
  'cell.wholeNumber': fixed('请填写整数', 'give a whole number'),
  'cell.badParticipants': say<{ value: string }>((p) => `无法识别的参加人数“${p.value}”，请写如 200、200余人、近百人`, (p) => `“${p.value}” is not a number of participants (write e.g. 200, 200余人, 近百人)`),
} as const;
