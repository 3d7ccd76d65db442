import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useLookups } from '../../api/lookups';
import { graphql } from '../../gql';
import { showOnFields } from '../../lib/errors';
import { day, Recipients, recipientInput, Saved } from './shared';

const DonationRecord = graphql(`
  mutation DonationRecord($input: DonationRecordInput!) {
    donationRecord(input: $input) { donation { id } userErrors { field code message } }
  }
`);

const FIELDS = ['kind', 'people', 'departmentId', 'donorCount', 'quantity', 'approximate', 'campaign', 'date', 'note'];
const ALIASES: Record<string, string> = { donorPersonId: 'people', donorCollective: 'departmentId' };

export function DonationForm({ scope }: { scope: string[] | null }) {
  const [form] = Form.useForm();
  const { donationKinds } = useLookups();
  const [{ fetching }, record] = useMutation(DonationRecord);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (v: Record<string, never>) => {
    setProblem(null);
    const who = recipientInput(v, 'personId') as { personId?: string; collective?: { kind: 'DEPARTMENT' | 'INSTITUTION'; departmentId?: string } };
    const res = await record({
      input: { kind: v.kind, donorPersonId: who.personId ?? null, donorCollective: who.collective ?? null, donorCount: v.donorCount ?? null, quantity: v.quantity, approximate: Boolean(v.approximate), campaign: v.campaign || null, date: day(v.date) as string, note: v.note || null },
    });
    const p = res.data?.donationRecord;
    if (p?.donation) {
      setSaved(p.donation.id);
      return form.resetFields();
    }
    if (res.error) return setProblem(res.error.graphQLErrors[0]?.message ?? res.error.message);
    setProblem(showOnFields(form, (p?.userErrors ?? []).map((e) => ({ ...e, field: e.field.map((f) => ALIASES[f] ?? f) })), FIELDS).join('；') || null);
  };
  return (
    <>
      {saved && <Saved kind="donation" id={saved} onDone={() => setSaved(null)} />}
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}><Select options={donationKinds} /></Form.Item>
        <Recipients scope={scope} multiple={false} />
        <Form.Item label="人数（多人汇总捐赠时填写）" name="donorCount"><InputNumber min={1} /></Form.Item>
        <Form.Item label="数量" name="quantity" rules={[{ required: true, message: '请填写数量' }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="approximate" valuePropName="checked"><Checkbox>约数（如 300余本）</Checkbox></Form.Item>
        <Form.Item label="活动名称" name="campaign"><Input /></Form.Item>
        <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item label="备注" name="note"><Input.TextArea rows={2} /></Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fetching}>保存</Button>
      </Form>
    </>
  );
}
