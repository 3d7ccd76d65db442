import { Alert, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useLookups } from '../../api/lookups';
import { PersonPicker } from '../../components/PersonPicker';
import { graphql } from '../../gql';
import { showOnFields } from '../../lib/errors';
import { day, Saved } from './shared';

const Designate = graphql(`
  mutation Designate($input: ModelWorkerDesignateInput!) {
    modelWorkerDesignate(input: $input) { designation { id } userErrors { field code message } }
  }
`);

const FIELDS = ['personId', 'designation', 'level', 'conferredBy', 'session', 'year', 'date', 'note'];

export function DesignationForm({ scope }: { scope: string[] | null }) {
  const [form] = Form.useForm();
  const { levels, modelWorkerTitles } = useLookups();
  const [{ fetching }, designate] = useMutation(Designate);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (v: Record<string, never>) => {
    setProblem(null);
    const res = await designate({ input: { personId: v.personId, designation: v.designation, level: v.level, conferredBy: v.conferredBy, session: v.session || null, year: v.year, date: day(v.date), note: v.note || null } });
    const p = res.data?.modelWorkerDesignate;
    if (p?.designation) {
      setSaved(p.designation.id);
      return form.resetFields();
    }
    if (res.error) return setProblem(res.error.graphQLErrors[0]?.message ?? res.error.message);
    setProblem(showOnFields(form, p?.userErrors ?? [], FIELDS).join('；') || null);
  };
  return (
    <>
      {saved && <Saved kind="designation" id={saved} onDone={() => setSaved(null)} />}
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item label="职工" name="personId" rules={[{ required: true, message: '请选择职工' }]}><PersonPicker scope={scope} /></Form.Item>
        <Form.Item label="称号" name="designation" rules={[{ required: true, message: '请选择称号' }]}><Select options={modelWorkerTitles} /></Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}><Select options={levels} /></Form.Item>
        <Form.Item label="授予单位" name="conferredBy" rules={[{ required: true, message: '请填写授予单位' }]}><Input /></Form.Item>
        <Form.Item label="届次（如 第十五届）" name="session"><Input /></Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={1950} max={2100} /></Form.Item>
        <Form.Item label="授予日期" name="date"><DatePicker /></Form.Item>
        <Form.Item label="备注" name="note"><Input.TextArea rows={2} /></Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fetching}>保存</Button>
      </Form>
    </>
  );
}
