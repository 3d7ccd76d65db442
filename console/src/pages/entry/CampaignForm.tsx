import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLookups } from '../../api/lookups';
import { graphql } from '../../gql';
import { showOnFields } from '../../lib/errors';
import { day } from './shared';

const Campaigns = graphql(`
  query Campaigns {
    civilisedPostCampaigns(first: 50) {
      edges { node { id year titleLabel levelLabel status statusLabel department { name } steps { status date } honour { id title } } }
    }
  }
`);
const Start = graphql(`
  mutation CampaignStart($input: CivilisedPostCampaignStartInput!) {
    civilisedPostCampaignStart(input: $input) { campaign { id } userErrors { field code message } }
  }
`);
const Advance = graphql(`
  mutation CampaignAdvance($input: CivilisedPostCampaignAdvanceInput!) {
    civilisedPostCampaignAdvance(input: $input) { campaign { id status } userErrors { field code message } }
  }
`);

const NEXT: Record<string, string[]> = { PLANNED: ['APPLIED'], APPLIED: ['INSPECTED', 'NOT_PASSED'], INSPECTED: ['NAMED', 'NOT_PASSED'], NAMED: [], NOT_PASSED: [] };

export function CampaignForm({ scope }: { scope: string[] | null }) {
  const [form] = Form.useForm();
  const [step] = Form.useForm();
  const { departments, civilisedPostTitles, levels, campaignStatuses } = useLookups();
  const [{ data }, refetch] = useQuery({ query: Campaigns });
  const [{ fetching }, start] = useMutation(Start);
  const [, advance] = useMutation(Advance);
  const [problem, setProblem] = useState<string | null>(null);
  const [advancing, setAdvancing] = useState<{ id: string; status: string } | null>(null);
  const statusLabel = (s: string) => campaignStatuses.find((c) => c.value === s)?.label ?? s;
  const begin = async (v: Record<string, never>) => {
    setProblem(null);
    const res = await start({ input: { departmentId: v.departmentId, title: v.title, level: v.level, namedTitle: v.namedTitle || null, year: v.year, date: day(v.date) as string, note: v.note || null } });
    const p = res.data?.civilisedPostCampaignStart;
    if (p?.campaign) return (form.resetFields(), refetch({ requestPolicy: 'network-only' }));
    setProblem(showOnFields(form, p?.userErrors ?? [], ['departmentId', 'title', 'level', 'namedTitle', 'year', 'date', 'note']).join('；') || res.error?.message || null);
  };
  const move = async (v: Record<string, never>) => {
    const res = await advance({ input: { id: advancing!.id, to: v.to, date: day(v.date) as string, score: v.score ?? null, conferredBy: v.conferredBy || null, note: v.note || null } });
    const p = res.data?.civilisedPostCampaignAdvance;
    if (p?.campaign) return (setAdvancing(null), step.resetFields(), refetch({ requestPolicy: 'network-only' }));
    const loose = showOnFields(step, p?.userErrors ?? [], ['to', 'date', 'score', 'conferredBy', 'note']);
    if (loose.length || res.error) setProblem(loose.join('；') || res.error?.message || null);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Table
        rowKey={(r) => r.node.id}
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={data?.civilisedPostCampaigns.edges ?? []}
        columns={[
          { title: '科室', render: (_, r) => r.node.department.name },
          { title: '称号', render: (_, r) => `${r.node.levelLabel}${r.node.titleLabel}` },
          { title: '年度', render: (_, r) => r.node.year },
          { title: '进度', render: (_, r) => <Tag>{r.node.statusLabel}</Tag> },
          { title: '', render: (_, r) => (NEXT[r.node.status].length ? <Button size="small" onClick={() => setAdvancing({ id: r.node.id, status: r.node.status })}>下一步</Button> : r.node.honour ? `已命名：${r.node.honour.title}` : null) },
        ]}
      />
      {advancing && (
        <Form form={step} layout="inline" onFinish={move} aria-label="推进文明岗创建">
          <Form.Item label="下一步" name="to" rules={[{ required: true, message: '请选择' }]}><Select style={{ width: 120 }} options={NEXT[advancing.status].map((s) => ({ value: s, label: statusLabel(s) }))} /></Form.Item>
          <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item label="得分" name="score"><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item label="命名单位" name="conferredBy"><Input /></Form.Item>
          <Button type="primary" htmlType="submit">确定</Button>
          <Button onClick={() => setAdvancing(null)}>取消</Button>
        </Form>
      )}
      <Form form={form} layout="vertical" onFinish={begin} style={{ maxWidth: 640 }} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item label="科室" name="departmentId" rules={[{ required: true, message: '请选择科室' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ ...d, disabled: Boolean(scope && !scope.includes(d.code)) }))} />
        </Form.Item>
        <Form.Item label="称号" name="title" rules={[{ required: true, message: '请选择称号' }]}><Select options={civilisedPostTitles} /></Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}><Select options={levels} /></Form.Item>
        <Form.Item label="命名称号（如 绍兴市巾帼文明岗；不填则按级别和称号）" name="namedTitle"><Input /></Form.Item>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={1950} max={2100} /></Form.Item>
        <Form.Item label="计划日期" name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item label="备注" name="note"><Input.TextArea rows={2} /></Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={fetching}>开始创建</Button>
      </Form>
    </Space>
  );
}
