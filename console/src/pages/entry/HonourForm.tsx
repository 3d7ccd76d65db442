import { Alert, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useLookups } from '../../api/lookups';
import { graphql } from '../../gql';
import { showOnFields } from '../../lib/errors';
import { day, FIELD_ALIASES, Recipients, recipientInput, Saved } from './shared';

const HonourConfer = graphql(`
  mutation HonourConfer($input: HonourConferInput!) {
    honourConfer(input: $input) { honour { id } warnings { message } userErrors { field code message } }
  }
`);

const FIELDS = ['title', 'honourKind', 'conferredBy', 'sector', 'score', 'asWritten', 'holderCount', 'holderNoun', 'level', 'people', 'departmentId', 'year', 'date', 'session', 'note'];

export function HonourForm({ scope }: { scope: string[] | null }) {
  const [form] = Form.useForm();
  const { levels, honourKinds } = useLookups();
  const [{ fetching }, confer] = useMutation(HonourConfer);
  const [problem, setProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (v: Record<string, never>) => {
    setProblem(null);
    const res = await confer({
      input: { title: v.title, honourKind: v.honourKind, conferredBy: v.conferredBy || null, sector: v.sector || null, score: v.score ?? null, asWritten: v.asWritten || null, holderCount: v.holderCount ?? null, holderNoun: v.holderNoun || null, level: v.level, year: v.year, date: day(v.date), session: v.session || null, note: v.note || null, ...recipientInput({ ...v, people: v.people }, 'personId') },
    });
    const p = res.data?.honourConfer;
    if (p?.honour) {
      setWarnings(p.warnings.map((w) => w.message));
      setSaved(p.honour.id);
      return form.resetFields();
    }
    if (res.error) return setProblem(res.error.graphQLErrors[0]?.message ?? res.error.message);
    setProblem(showOnFields(form, (p?.userErrors ?? []).map((e) => ({ ...e, field: e.field.map((f) => FIELD_ALIASES[f] ?? f) })), FIELDS).join('；') || null);
  };
  return (
    <>
      {saved && <Saved kind="honour" id={saved} onDone={() => setSaved(null)} />}
      {warnings.length > 0 && <Alert type="warning" showIcon title={warnings.join('；')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item label="称号名称" name="title" rules={[{ required: true, message: '请填写称号' }]}><Input /></Form.Item>
        <Form.Item label="类型" name="honourKind" rules={[{ required: true, message: '请选择类型' }]}><Select options={honourKinds} /></Form.Item>
        <Form.Item label="授予单位（报告未写明时可不填）" name="conferredBy"><Input /></Form.Item>
        <Form.Item label="系统（如 省直机关、市直卫生健康系统）" name="sector"><Input /></Form.Item>
        <Form.Item label="考核得分" name="score"><InputNumber min={0} max={100} /></Form.Item>
        <Form.Item label="原文称号（按证书写法起草时填写）" name="asWritten"><Input /></Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}><Select options={levels} /></Form.Item>
        <Recipients scope={scope} multiple={false} />
        <Form.Item label="获此称号的人数（集体中只知人数时填写，如 12）" name="holderCount"><InputNumber min={2} max={10000} /></Form.Item>
        <Form.Item label="人员称谓（如 护士，默认 职工）" name="holderNoun"><Input /></Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={1950} max={2100} /></Form.Item>
        <Form.Item label="授予日期" name="date"><DatePicker /></Form.Item>
        <Form.Item label="届次" name="session"><Input /></Form.Item>
        <Form.Item label="备注" name="note"><Input.TextArea rows={2} /></Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fetching}>保存</Button>
      </Form>
    </>
  );
}
