// 审核: submitted records; verify or return with a reason, one by one or several at once.
import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';

const Queue = graphql(`
  query ReviewQueue {
    achievements(filter: { status: SUBMITTED }, first: 100, orderBy: DATE) {
      totalCount
      edges { node { id kind title year levelLabel resultLabel people { name } collective { name } enteredBy { username } } }
    }
    donations(filter: { status: SUBMITTED }, first: 100) {
      edges { node { id kindLabel quantityText date donor { name } donorCollective { name } enteredBy { username } } }
    }
  }
`);

const VerifyAward = graphql(`mutation VerifyAward($id: ID!) { awardVerify(input: { id: $id }) { award { id status } userErrors { message } } }`);
const VerifyHonour = graphql(`mutation VerifyHonour($id: ID!) { honourVerify(input: { id: $id }) { honour { id status } userErrors { message } } }`);
const VerifyDesignation = graphql(`mutation VerifyDesignation($id: ID!) { modelWorkerDesignationVerify(input: { id: $id }) { designation { id status } userErrors { message } } }`);
const VerifyDonation = graphql(`mutation VerifyDonation($id: ID!) { donationVerify(input: { id: $id }) { donation { id status } userErrors { message } } }`);
const ReturnAward = graphql(`mutation ReturnAward($id: ID!, $reason: String!) { awardReturn(input: { id: $id, reason: $reason }) { award { id status } userErrors { message } } }`);
const ReturnHonour = graphql(`mutation ReturnHonour($id: ID!, $reason: String!) { honourReturn(input: { id: $id, reason: $reason }) { honour { id status } userErrors { message } } }`);
const ReturnDesignation = graphql(`mutation ReturnDesignation($id: ID!, $reason: String!) { modelWorkerDesignationReturn(input: { id: $id, reason: $reason }) { designation { id status } userErrors { message } } }`);
const ReturnDonation = graphql(`mutation ReturnDonation($id: ID!, $reason: String!) { donationReturn(input: { id: $id, reason: $reason }) { donation { id status } userErrors { message } } }`);

type Kind = 'AWARD' | 'HONOUR' | 'MODEL_WORKER' | 'DONATION';
interface Item {
  id: string;
  kind: Kind;
  title: string;
  detail: string;
  who: string;
  enteredBy: string;
}

export function Review() {
  const { message } = App.useApp();
  const [{ data, fetching }, refetch] = useQuery({ query: Queue, requestPolicy: 'network-only' });
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<Item[] | null>(null);
  const [reason, setReason] = useState('');
  const verifies = { AWARD: useMutation(VerifyAward)[1], HONOUR: useMutation(VerifyHonour)[1], MODEL_WORKER: useMutation(VerifyDesignation)[1], DONATION: useMutation(VerifyDonation)[1] };
  const returns = { AWARD: useMutation(ReturnAward)[1], HONOUR: useMutation(ReturnHonour)[1], MODEL_WORKER: useMutation(ReturnDesignation)[1], DONATION: useMutation(ReturnDonation)[1] };
  const items: Item[] = [
    ...(data?.achievements.edges ?? []).map((e) => ({ id: e.node.id, kind: e.node.kind as Kind, title: e.node.title, detail: `${e.node.year} · ${e.node.levelLabel} · ${e.node.resultLabel}`, who: e.node.people.map((p) => p.name).join('、') || e.node.collective?.name || '', enteredBy: e.node.enteredBy.username })),
    ...(data?.donations.edges ?? []).map((e) => ({ id: e.node.id, kind: 'DONATION' as const, title: `捐赠：${e.node.kindLabel}`, detail: `${e.node.quantityText} · ${e.node.date}`, who: e.node.donor?.name ?? e.node.donorCollective?.name ?? '', enteredBy: e.node.enteredBy.username })),
  ];
  const run = async (targets: Item[], act: (i: Item) => Promise<{ data?: unknown; error?: { message: string } }>, done: string) => {
    const problems: string[] = [];
    for (const item of targets) {
      const res = await act(item);
      const payload = Object.values((res.data as Record<string, { userErrors: { message: string }[] }>) ?? {})[0];
      if (res.error) problems.push(`${item.title}：${res.error.message.replace(/^\[GraphQL\] /, '')}`);
      else if (payload?.userErrors.length) problems.push(`${item.title}：${payload.userErrors.map((e) => e.message).join('；')}`);
    }
    if (problems.length) message.error(problems.join('\n'));
    else message.success(`${done} ${targets.length} 条`);
    setSelected([]);
    refetch({ requestPolicy: 'network-only' });
  };
  const verify = (targets: Item[]) => run(targets, (i) => verifies[i.kind]({ id: i.id }), '已审核通过');
  const chosen = items.filter((i) => selected.includes(i.id));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span data-testid="queue-size">待审核 {items.length} 条</span>
        <Button type="primary" disabled={!chosen.length} onClick={() => verify(chosen)}>通过所选（{chosen.length}）</Button>
        <Button danger disabled={!chosen.length} onClick={() => setReturning(chosen)}>退回所选</Button>
      </Space>
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: '记录', render: (_, i) => <><div>{i.title}</div><small>{i.detail}</small></> },
          { title: '获得者', dataIndex: 'who' },
          { title: '录入人', dataIndex: 'enteredBy', render: (v: string) => <Tag>{v}</Tag> },
          {
            title: '操作',
            render: (_, i) => (
              <Space>
                <Button size="small" type="primary" onClick={() => verify([i])} aria-label={`通过：${i.title}`}>通过</Button>
                <Button size="small" danger onClick={() => setReturning([i])} aria-label={`退回：${i.title}`}>退回</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(returning)}
        title={`退回 ${returning?.length ?? 0} 条记录`}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          const targets = returning ?? [];
          setReturning(null);
          await run(targets, (i) => returns[i.kind]({ id: i.id, reason: reason.trim() }), '已退回');
          setReason('');
        }}
      >
        <label htmlFor="return-reason">退回原因</label>
        <Input.TextArea id="return-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
