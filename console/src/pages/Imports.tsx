// 导入: templates, upload, the dry run row by row (row, column, message), commit, history.
import { App, Alert, Button, Card, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { authHeaders } from '../api/session';
import { graphql } from '../gql';
import { download } from '../lib/download';

const Jobs = graphql(`
  query ImportJobs {
    importJobs(first: 20) {
      edges { node { id kind mode status fileName createdAt createdBy { username } counts { rows create update unchanged error } } }
    }
  }
`);

const KINDS = [
  { value: 'awards', label: '获奖记录' },
  { value: 'people', label: '职工名册' },
  { value: 'honours', label: '荣誉称号' },
  { value: 'donations', label: '捐赠记录' },
  { value: 'events', label: '工会活动' },
];
const OUTCOMES: Record<string, [string, string]> = { CREATE: ['新增', 'green'], UPDATE: ['更新', 'blue'], UNCHANGED: ['无变化', 'default'], ERROR: ['有误', 'red'] };

interface JobResult {
  id: string;
  mode: string;
  status: string;
  fileError?: string | null;
  counts: { rows: number; create: number; update: number; unchanged: number; error: number };
  rows: { row: number; outcome: string; errors: { column: string; message: string }[] }[];
}

export function Imports() {
  const { message } = App.useApp();
  const [kind, setKind] = useState('awards');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<JobResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [{ data: jobs }, refetch] = useQuery({ query: Jobs, requestPolicy: 'network-only' });

  const send = async (mode: 'dryRun' | 'commit') => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(`/imports/${kind}?mode=${mode}`, { method: 'POST', headers: authHeaders(), body });
      const json = (await res.json()) as JobResult & { errors?: { message: string }[] };
      if (json.errors) setProblem(json.errors[0].message);
      else {
        setResult(json);
        if (json.fileError) setProblem(json.fileError);
        if (mode === 'commit' && !json.fileError) message.success(`已导入：新增 ${json.counts.create}，更新 ${json.counts.update}`);
      }
      refetch({ requestPolicy: 'network-only' });
    } finally {
      setBusy(false);
    }
  };

  const kindLabel = KINDS.find((k) => k.value === kind)!.label;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="1. 下载模板">
        <Space wrap>
          {KINDS.map((k) => (
            <Button key={k.value} onClick={() => download(`/imports/templates/${k.value}.xlsx`, `${k.label}模板.xlsx`).catch((e: Error) => message.error(e.message))}>
              {k.label}模板
            </Button>
          ))}
        </Space>
      </Card>
      <Card title="2. 上传并预检">
        <Space wrap>
          <Select aria-label="导入类型" value={kind} onChange={(v) => (setKind(v), setResult(null))} options={KINDS} style={{ width: 140 }} />
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => (setFile(f), setResult(null), false)}
            onRemove={() => (setFile(null), setResult(null))}
          >
            <Button>选择文件（.xlsx 或 .csv）</Button>
          </Upload>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => send('dryRun')}>预检</Button>
          <Button disabled={!result || result.mode !== 'DRY_RUN' || result.status === 'FAILED'} loading={busy} onClick={() => send('commit')}>
            确认导入{kindLabel}
          </Button>
        </Space>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
        {result && (
          <>
            <p style={{ marginTop: 12 }} data-testid="import-counts">
              共 {result.counts.rows} 行：新增 {result.counts.create}，更新 {result.counts.update}，无变化 {result.counts.unchanged}，有误 {result.counts.error}
            </p>
            <Table
              size="small"
              rowKey="row"
              dataSource={result.rows}
              pagination={{ pageSize: 50 }}
              scroll={{ x: 560 }}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '结果', dataIndex: 'outcome', width: 90, render: (o: string) => <Tag color={OUTCOMES[o]?.[1]}>{OUTCOMES[o]?.[0] ?? o}</Tag> },
                { title: '问题', render: (_, r) => r.errors.map((e) => <div key={e.column + e.message}>{e.column ? <b>{e.column}：</b> : null}{e.message}</div>) },
              ]}
            />
          </>
        )}
      </Card>
      <Card title="导入历史">
        <Table
          size="small"
          rowKey={(r) => r.node.id}
          dataSource={jobs?.importJobs.edges ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          columns={[
            { title: '时间', render: (_, r) => new Date(r.node.createdAt).toLocaleString('zh-CN') },
            { title: '文件', render: (_, r) => r.node.fileName },
            { title: '方式', render: (_, r) => (r.node.mode === 'COMMIT' ? '导入' : '预检') },
            { title: '操作人', render: (_, r) => r.node.createdBy.username },
            { title: '结果', render: (_, r) => `新增 ${r.node.counts.create} · 更新 ${r.node.counts.update} · 有误 ${r.node.counts.error}` },
          ]}
        />
      </Card>
    </Space>
  );
}
