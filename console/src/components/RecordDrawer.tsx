// One record in full: its facts, its status log, its revisions and (for an ADMIN) its audit
// entries, each changed field with its old and new value.
import { Descriptions, Drawer, Empty, Table, Tabs, Tag, Timeline } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const RecordQuery = graphql(`
  query RecordDetail($id: ID!, $audit: Boolean!) {
    node(id: $id) {
      id
      ... on Achievement {
        kind title year date levelLabel resultLabel statusLabel returnReason revision note
        people { name staffNumber }
        collective { name }
        departments { name }
        enteredBy { username }
        verifiedBy { username }
        statusLog { status at reason by { username } }
        history { revision at by { username } changes { field label before after } }
      }
      ... on Award { competition { name organiser edition } }
      ... on Honour { conferredBy session stateLabel }
      ... on ModelWorkerDesignation { designationBody: conferredBy session }
      ... on Donation { kindLabel quantityText donatedOn: date statusLabel donor { name } donorCollective { name } donorCount campaign statusLog { status at reason by { username } } }
    }
    auditLog(filter: { entityId: $id }, first: 50) @include(if: $audit) {
      edges { node { id at actorUsername operation changes { field before after } } }
    }
  }
`);

const STATUS_WORDS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '提交审核', VERIFIED: '审核通过', RETURNED: '退回' };
const show = (json: string | null | undefined) => (json == null ? '—' : json.replace(/^"|"$/g, ''));

type ChangeRow = { key: string; at: string; who: string; field: string; before?: string | null; after?: string | null };

function ChangeTable({ rows }: { rows: ChangeRow[] }) {
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 480 }}
      columns={[
        { title: '时间', dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
        { title: '操作人', dataIndex: 'who' },
        { title: '字段', dataIndex: 'field' },
        { title: '原值', dataIndex: 'before', render: show },
        { title: '新值', dataIndex: 'after', render: show },
      ]}
    />
  );
}

export function RecordDrawer({ id, onClose, admin }: { id: string | null; onClose: () => void; admin: boolean }) {
  const [{ data }] = useQuery({ query: RecordQuery, variables: { id: id ?? '', audit: admin }, pause: !id });
  const r = data?.node as Record<string, unknown> | null | undefined;
  const log = (r?.statusLog as { status: string; at: string; reason?: string | null; by: { username: string } }[] | undefined) ?? [];
  const changes = (data?.auditLog?.edges ?? []).flatMap((e) => e.node.changes.map((c, i) => ({ key: `${e.node.id}-${i}`, at: e.node.at, who: e.node.actorUsername, operation: e.node.operation, ...c })));
  type Revision = { revision: number; at: string; by: { username: string }; changes: { field: string; label: string; before?: string | null; after?: string | null }[] };
  const revisions = ((r?.history as Revision[] | undefined) ?? []).flatMap((h) => h.changes.map((c) => ({ key: `${h.revision}-${c.field}`, at: h.at, who: h.by.username, field: c.label, before: c.before ?? null, after: c.after ?? null })));
  const names = (list: unknown) => ((list as { name: string }[] | undefined) ?? []).map((p) => p.name).join('、');
  return (
    <Drawer open={Boolean(id)} onClose={onClose} size="large" title={(r?.title as string) ?? (r?.kindLabel as string) ?? '记录'} destroyOnHidden>
      {r && (
        <Tabs
          items={[
            {
              key: 'facts',
              label: '内容',
              children: (
                <Descriptions column={1} bordered size="small">
                  <Descriptions.Item label="状态"><Tag>{String(r.statusLabel)}</Tag>{r.returnReason ? `退回原因：${String(r.returnReason)}` : null}</Descriptions.Item>
                  {'year' in r && <Descriptions.Item label="年份">{String(r.year)}</Descriptions.Item>}
                  {'levelLabel' in r && <Descriptions.Item label="级别">{String(r.levelLabel)}</Descriptions.Item>}
                  {'resultLabel' in r && <Descriptions.Item label="结果">{String(r.resultLabel)}</Descriptions.Item>}
                  {'quantityText' in r && <Descriptions.Item label="数量">{String(r.quantityText)}</Descriptions.Item>}
                  <Descriptions.Item label="获得者">{names(r.people) || (r.collective as { name: string } | null)?.name || (r.donor as { name: string } | null)?.name || (r.donorCollective as { name: string } | null)?.name || '—'}</Descriptions.Item>
                  {(r.conferredBy ?? r.designationBody) ? <Descriptions.Item label="授予单位">{String(r.conferredBy ?? r.designationBody)}</Descriptions.Item> : null}
                  {'competition' in r && <Descriptions.Item label="竞赛">{(r.competition as { name: string }).name}</Descriptions.Item>}
                  {'enteredBy' in r && <Descriptions.Item label="录入">{(r.enteredBy as { username: string }).username}</Descriptions.Item>}
                  {r.verifiedBy ? <Descriptions.Item label="审核">{(r.verifiedBy as { username: string }).username}</Descriptions.Item> : null}
                </Descriptions>
              ),
            },
            {
              key: 'log',
              label: '流程',
              children: log.length ? <Timeline items={log.map((s) => ({ children: `${new Date(s.at).toLocaleString('zh-CN')} ${s.by.username} ${STATUS_WORDS[s.status] ?? s.status}${s.reason ? `：${s.reason}` : ''}` }))} /> : <Empty />,
            },
            {
              key: 'history',
              label: '修改记录',
              children: revisions.length ? <ChangeTable rows={revisions} /> : <Empty description="审核后未曾更正" />,
            },
            ...(admin ? [{ key: 'audit', label: '审计', children: changes.length ? <ChangeTable rows={changes} /> : <Empty /> }] : []),
          ]}
        />
      )}
    </Drawer>
  );
}
