import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useLookups } from '../../api/lookups';
import { graphql } from '../../gql';
import type { AwardCreateInput } from '../../gql/graphql';
import { showOnFields } from '../../lib/errors';
import { CompetitionModal } from '../competitions/CompetitionModal';
import { day, FIELD_ALIASES, Recipients, recipientInput, Saved } from './shared';

const CompetitionsQuery = graphql(`
  query CompetitionChoices($search: String) {
    competitions(first: 30, filter: { search: $search }) { edges { node { id name year levelLabel } } }
  }
`);
const AwardCheck = graphql(`
  query AwardCheck($input: AwardCreateInput!) {
    awardCheck(input: $input) { warnings { code message recordId } userErrors { field code message } }
  }
`);
const AwardCreate = graphql(`
  mutation AwardCreate($input: AwardCreateInput!) {
    awardCreate(input: $input) { award { id title status } warnings { message } userErrors { field code message } }
  }
`);

const FIELDS = ['competitionId', 'people', 'departmentId', 'grade', 'placement', 'resultText', 'division', 'date', 'certificateNumber', 'note'];

export function AwardForm({ scope }: { scope: string[] | null }) {
  const [form] = Form.useForm();
  const client = useClient();
  const { grades } = useLookups();
  const [search, setSearch] = useState('');
  const [{ data: competitions }] = useQuery({ query: CompetitionsQuery, variables: { search: search || null } });
  const [{ fetching }, create] = useMutation(AwardCreate);
  const [creating, setCreating] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const resultKind = Form.useWatch('resultKind', form) ?? 'grade';

  const inputOf = (v: Record<string, never>): AwardCreateInput => ({
    competitionId: v.competitionId,
    ...recipientInput(v, 'personIds'),
    grade: resultKind === 'grade' ? v.grade ?? null : null,
    placement: resultKind === 'placement' ? v.placement ?? null : null,
    resultText: resultKind === 'text' ? v.resultText || null : null,
    division: v.division || null,
    date: day(v.date) as string,
    certificateNumber: v.certificateNumber || null,
    note: v.note || null,
  });
  const refuse = (errors: readonly { field: string[]; message: string }[]) => {
    const mapped = errors.map((e) => ({ ...e, field: e.field.map((f) => FIELD_ALIASES[f] ?? f) }));
    setProblem(showOnFields(form, mapped, FIELDS).join('；') || null);
  };
  const save = async (values: Record<string, never>, confirmed = false) => {
    setProblem(null);
    const input = inputOf(values);
    if (!confirmed) {
      const check = await client.query(AwardCheck, { input }, { requestPolicy: 'network-only' }).toPromise();
      const c = check.data?.awardCheck;
      if (!c) return setProblem(check.error?.graphQLErrors[0]?.message ?? '检查失败');
      if (c.userErrors.length) return refuse(c.userErrors);
      if (c.warnings.length) return setWarnings(c.warnings.map((w) => w.message));
    }
    setWarnings([]);
    const res = await create({ input });
    const p = res.data?.awardCreate;
    if (p?.award) {
      setSaved(p.award.id);
      form.resetFields();
      return;
    }
    if (res.error) return setProblem(res.error.graphQLErrors[0]?.message ?? res.error.message);
    refuse(p?.userErrors ?? []);
  };

  return (
    <>
      {saved && <Saved kind="award" id={saved} onDone={() => setSaved(null)} />}
      <Form form={form} layout="vertical" onFinish={(v) => save(v)} style={{ maxWidth: 640 }} initialValues={{ resultKind: 'grade' }}>
        <Form.Item label="竞赛" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="competitionId" noStyle rules={[{ required: true, message: '请选择竞赛' }]}>
              <Select
                aria-label="竞赛"
                showSearch={{ filterOption: false, onSearch: setSearch }}
                placeholder="输入名称搜索"
                options={(competitions?.competitions.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.year}，${e.node.levelLabel}）` }))}
              />
            </Form.Item>
            <Button onClick={() => setCreating(true)}>新增竞赛</Button>
          </Space.Compact>
        </Form.Item>
        <Recipients scope={scope} team />
        <Form.Item label="结果" name="resultKind">
          <Radio.Group options={[{ value: 'grade', label: '等级' }, { value: 'placement', label: '名次' }, { value: 'text', label: '文字' }]} />
        </Form.Item>
        {resultKind === 'grade' && <Form.Item label="等级" name="grade"><Select options={grades} allowClear /></Form.Item>}
        {resultKind === 'placement' && <Form.Item label="名次" name="placement"><InputNumber min={1} max={100} /></Form.Item>}
        {resultKind === 'text' && <Form.Item label="结果文字（如 多项奖项）" name="resultText"><Input /></Form.Item>}
        <Form.Item label="组别（如 专业组、企业组、团体）" name="division"><Input /></Form.Item>
        <Form.Item label="获奖日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="证书编号" name="certificateNumber"><Input /></Form.Item>
        <Form.Item label="备注" name="note"><Input.TextArea rows={2} /></Form.Item>
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="可能与已有记录重复"
            description={<ul style={{ margin: 0 }}>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
            action={<Button onClick={() => save(form.getFieldsValue(true), true)}>仍然保存</Button>}
          />
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fetching}>保存</Button>
      </Form>
      <CompetitionModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          form.setFieldValue('competitionId', id);
          setSearch('');
        }}
      />
    </>
  );
}
