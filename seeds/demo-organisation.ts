// Demo organisation and staff, drawn from the 2020 union report of 绍兴市中医院
// (../shared/reference). Staff numbers and group assignments are invented for the demo.

export const demoDepartments = [
  { code: 'ZYJK', name: '中药剂科' },
  { code: 'XYJK', name: '西药剂科' },
  { code: 'BQ7', name: '七病区' },
  { code: 'CSK', name: '超声科' },
  { code: 'FSK', name: '放射科' },
  { code: 'ZZYXK', name: '重症医学科' },
  { code: 'SBK', name: '设备科' },
  { code: 'ZYNK', name: '中医内科' },
  { code: 'ZJTNK', name: '针灸推拿科' },
  { code: 'HLB', name: '护理部' },
  { code: 'DZB', name: '党政综合办公室' },
  { code: 'GH', name: '工会' },
];

export const demoUnionGroups = [
  { code: 'YJ', name: '药剂工会小组' },
  { code: 'YJS', name: '医技工会小组' },
  { code: 'NK', name: '内科工会小组' },
  { code: 'HL', name: '护理工会小组' },
  { code: 'XZ', name: '行政后勤工会小组' },
];

type Gender = 'FEMALE' | 'MALE';

export interface DemoPerson {
  staffNumber: string;
  name: string;
  gender: Gender;
  department: string;
  unionGroup: string;
  position: string;
}

const p = (staffNumber: string, name: string, gender: Gender, department: string, unionGroup: string, position: string): DemoPerson => ({
  staffNumber,
  name,
  gender,
  department,
  unionGroup,
  position,
});

export const demoPeople: DemoPerson[] = [
  p('Z0101', '高圣艳', 'FEMALE', 'ZYJK', 'YJ', '主管中药师'),
  p('Z0102', '尤志新', 'MALE', 'ZYNK', 'NK', '主治中医师'),
  p('Z0103', '王志刚', 'MALE', 'ZJTNK', 'NK', '副主任中医师'),
  p('Z0104', '杜鸣', 'MALE', 'FSK', 'YJS', '主治医师'),
  p('Z0105', '沈晓青', 'FEMALE', 'CSK', 'YJS', '主治医师'),
  p('Z0106', '张方璐', 'FEMALE', 'ZYNK', 'NK', '住院中医师'),
  p('Z0107', '奕丽娜', 'FEMALE', 'ZZYXK', 'HL', '主管护师'),
  p('Z0108', '张润哲', 'MALE', 'SBK', 'XZ', '工程师'),
  p('Z0109', '付建英', 'FEMALE', 'BQ7', 'HL', '护师'),
  p('Z0110', '刘俊琼', 'FEMALE', 'ZYNK', 'NK', '主治中医师'),
  p('Z0111', '任园伟', 'MALE', 'ZJTNK', 'NK', '主治中医师'),
  p('Z0112', '郭平波', 'MALE', 'ZYNK', 'NK', '副主任中医师'),
  p('Z0113', '蒋凌', 'FEMALE', 'HLB', 'HL', '主管护师'),
  p('Z0114', '尧斌', 'MALE', 'FSK', 'YJS', '主治医师'),
  p('Z0115', '陈宴', 'FEMALE', 'DZB', 'XZ', '科员'),
  p('Z0116', '倪国强', 'MALE', 'SBK', 'XZ', '高级工程师'),
  p('Z0117', '娄坚江', 'MALE', 'DZB', 'XZ', '科员'),
  p('Z0118', '陈伟栋', 'MALE', 'FSK', 'YJS', '主管技师'),
  p('Z0119', '周雅琴', 'FEMALE', 'XYJK', 'YJ', '主管药师'),
  p('Z0120', '钱永康', 'MALE', 'ZYJK', 'YJ', '副主任中药师'),
  p('Z0121', '孙慧敏', 'FEMALE', 'ZYJK', 'YJ', '中药师'),
  p('Z0122', '李红梅', 'FEMALE', 'XYJK', 'YJ', '药师'),
];
