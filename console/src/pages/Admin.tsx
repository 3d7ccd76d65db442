// 管理 (ADMIN): accounts, departments, union groups, people and the ranking policy.
import { Alert, Button, Checkbox, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLookups } from '../api/lookups';
import { ROLE_NAMES } from '../api/viewer';
import { graphql } from '../gql';
import type { DepartmentKind } from '../gql/graphql';
import { showOnFields } from '../lib/errors';

const AdminQuery = graphql(`
  query Admin {
    users(first: 100) { edges { node { id username displayName role active wholeInstitution departments { name } unionGroups { name } } } }
    departments(first: 100) { edges { node { id code name active } } }
    unionGroups(first: 100) { edges { node { id code name active } } }
    people(first: 100) { totalCount edges { node { id staffNumber name gender department { name } unionGroup { name } position } } }
    rankingPolicy { levelOrder gradeTiers }
  }
`);
const UserCreate = graphql(`mutation UserCreate($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { field message } } }`);
const DepartmentCreate = graphql(`mutation DepartmentCreate($input: DepartmentCreateInput!) { departmentCreate(input: $input) { department { id } userErrors { field message } } }`);
const UnionGroupCreate = graphql(`mutation UnionGroupCreate($input: UnionGroupCreateInput!) { unionGroupCreate(input: $input) { unionGroup { id } userErrors { field message } } }`);
const PersonCreate = graphql(`mutation PersonCreate($input: PersonCreateInput!) { personCreate(input: $input) { person { id } userErrors { field message } } }`);

/** A small create form: its userErrors on its fields, the rest above the button. */
const DEPARTMENT_KINDS: { value: DepartmentKind; label: string }[] = [
  { value: 'DEPARTMENT', label: '科室 / 部门' },
  { value: 'BODY', label: '群团组织（工会、团委等，报告中写作“我院团委”）' },
];

function CreateForm({ fields, run, label }: { fields: { name: string; label: string; input?: React.ReactNode; required?: boolean }[]; run: (v: Record<string, never>) => Promise<readonly { field: string[]; message: string }[] | null>; label: string }) {
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={async (v) => {
        setProblem(null);
        const errors = await run(v);
        if (!errors) return form.resetFields();
        setProblem(showOnFields(form, errors, fields.map((f) => f.name)).join('；') || null);
      }}
    >
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required === false ? [] : [{ required: true, message: `请填写${f.label}` }]}>
          {f.input ?? <Input />}
        </Form.Item>
      ))}
      <Button htmlType="submit" type="primary">{label}</Button>
      {problem && <Alert type="error" title={problem} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}

export function Admin() {
  const [{ data }, refetch] = useQuery({ query: AdminQuery });
  const { departments, unionGroups, levels, grades } = useLookups();
  const [, createUser] = useMutation(UserCreate);
  const [, createDepartment] = useMutation(DepartmentCreate);
  const [, createGroup] = useMutation(UnionGroupCreate);
  const [, createPerson] = useMutation(PersonCreate);
  const done = <T extends { userErrors: readonly { field: string[]; message: string }[] }>(p: T | undefined, error?: { message: string }) => {
    if (p && !p.userErrors.length) {
      refetch({ requestPolicy: 'network-only' });
      return null;
    }
    return p?.userErrors ?? [{ field: [], message: error?.message ?? '保存失败' }];
  };
  const labelOf = (list: { value: string; label: string }[], v: string) => list.find((x) => x.value === v)?.label ?? v;
  return (
    <Tabs
      items={[
        {
          key: 'users',
          label: '账号',
          children: (
            <>
              <CreateForm
                label="新建账号"
                fields={[
                  { name: 'username', label: '用户名' },
                  { name: 'displayName', label: '姓名' },
                  { name: 'password', label: '初始密码', input: <Input.Password autoComplete="new-password" /> },
                  { name: 'role', label: '角色', input: <Select style={{ width: 110 }} options={['ADMIN', 'VERIFIER', 'CLERK', 'VIEWER'].map((r) => ({ value: r, label: ROLE_NAMES[r] }))} /> },
                  { name: 'departmentIds', label: '科室范围', required: false, input: <Select mode="multiple" style={{ minWidth: 160 }} options={departments} /> },
                  { name: 'wholeInstitution', label: '全院', required: false, input: <Checkbox /> },
                ]}
                run={async (v) => {
                  const res = await createUser({ input: { username: v.username, displayName: v.displayName, password: v.password, role: v.role, departmentIds: v.departmentIds ?? [], wholeInstitution: Boolean(v.wholeInstitution) } });
                  return done(res.data?.userCreate, res.error);
                }}
              />
              <Table
                size="small"
                rowKey={(r) => r.node.id}
                dataSource={data?.users.edges ?? []}
                scroll={{ x: 600 }}
                columns={[
                  { title: '用户名', render: (_, r) => r.node.username },
                  { title: '姓名', render: (_, r) => r.node.displayName },
                  { title: '角色', render: (_, r) => <Tag>{ROLE_NAMES[r.node.role] ?? r.node.role}</Tag> },
                  { title: '范围', render: (_, r) => (r.node.wholeInstitution ? '全院' : [...r.node.departments, ...r.node.unionGroups].map((d) => d.name).join('、')) },
                  { title: '状态', render: (_, r) => (r.node.active ? '启用' : '停用') },
                ]}
              />
            </>
          ),
        },
        ...(['departments', 'unionGroups'] as const).map((k) => ({
          key: k,
          label: k === 'departments' ? '科室' : '工会小组',
          children: (
            <>
              <CreateForm
                label={k === 'departments' ? '新建科室' : '新建工会小组'}
                fields={[
                  { name: 'code', label: '代码' },
                  { name: 'name', label: '名称' },
                  ...(k === 'departments' ? [{ name: 'kind', label: '类型', required: false, input: <Select style={{ width: 200 }} allowClear placeholder="科室" options={DEPARTMENT_KINDS} /> }] : []),
                ]}
                run={async (v) => {
                  const input = { code: v.code, name: v.name };
                  if (k === 'departments') {
                    const res = await createDepartment({ input: { ...input, kind: v.kind ?? null } });
                    return done(res.data?.departmentCreate, res.error);
                  }
                  const res = await createGroup({ input });
                  return done(res.data?.unionGroupCreate, res.error);
                }}
              />
              <Table size="small" rowKey={(r) => r.node.id} dataSource={data?.[k].edges ?? []} columns={[{ title: '代码', render: (_, r) => r.node.code }, { title: '名称', render: (_, r) => r.node.name }, { title: '状态', render: (_, r) => (r.node.active ? '启用' : '停用') }]} />
            </>
          ),
        })),
        {
          key: 'people',
          label: '职工',
          children: (
            <>
              <CreateForm
                label="新增职工"
                fields={[
                  { name: 'staffNumber', label: '工号' },
                  { name: 'name', label: '姓名' },
                  { name: 'gender', label: '性别', required: false, input: <Select style={{ width: 80 }} allowClear options={[{ value: 'FEMALE', label: '女' }, { value: 'MALE', label: '男' }]} /> },
                  { name: 'departmentId', label: '科室', required: false, input: <Select style={{ width: 140 }} allowClear options={departments} /> },
                  { name: 'unionGroupId', label: '工会小组', required: false, input: <Select style={{ width: 140 }} allowClear options={unionGroups} /> },
                ]}
                run={async (v) => {
                  const res = await createPerson({ input: { staffNumber: v.staffNumber, name: v.name, gender: v.gender ?? null, departmentId: v.departmentId ?? null, unionGroupId: v.unionGroupId ?? null } });
                  return done(res.data?.personCreate, res.error);
                }}
              />
              <Table
                size="small"
                rowKey={(r) => r.node.id}
                dataSource={data?.people.edges ?? []}
                scroll={{ x: 600 }}
                columns={[
                  { title: '工号', render: (_, r) => r.node.staffNumber },
                  { title: '姓名', render: (_, r) => r.node.name },
                  { title: '性别', render: (_, r) => (r.node.gender === 'FEMALE' ? '女' : r.node.gender === 'MALE' ? '男' : '') },
                  { title: '科室', render: (_, r) => r.node.department?.name },
                  { title: '工会小组', render: (_, r) => r.node.unionGroup?.name },
                ]}
              />
            </>
          ),
        },
        {
          key: 'ranking',
          label: '排序规则',
          children: data && (
            <Space orientation="vertical">
              <div>级别顺序：{data.rankingPolicy.levelOrder.map((l) => labelOf(levels, l)).join(' ＞ ')}</div>
              <div>等级档次：{data.rankingPolicy.gradeTiers.map((tier) => tier.map((g) => labelOf(grades, g)).join('、')).join(' ＞ ')}</div>
              <small>修改排序规则请用 rankingPolicyUpdate（修改后全部记录重新排序）。</small>
            </Space>
          ),
        },
      ]}
    />
  );
}
