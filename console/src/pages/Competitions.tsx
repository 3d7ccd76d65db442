// 竞赛: the competitions and the union's own events, to correct what was entered (a mistyped
// name, a missing organiser or edition, the participants of a hosted event) and to delete one
// no award refers to. The shared catalogue is the federation's to correct.
import { App, Button, Input, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { isFederation, type ViewerInfo } from '../api/viewer';
import { CursorPager } from '../components/CursorPager';
import { graphql } from '../gql';
import { CompetitionModal, type CompetitionValues } from './competitions/CompetitionModal';

const CompetitionList = graphql(`
  query CompetitionList($filter: CompetitionFilter, $first: Int!, $after: String) {
    competitions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges {
        node {
          id name brand organiser edition sector level levelLabel category categoryLabel year shared
          hostedByUnion participants participantsApprox
          awards(first: 0) { totalCount }
        }
      }
    }
  }
`);
const CompetitionDelete = graphql(`
  mutation CompetitionDelete($id: ID!) { competitionDelete(input: { id: $id }) { deletedId userErrors { message } } }
`);

const PAGE = 20;
const APPROX: Record<string, (n: number) => string> = { OVER: (n) => `${n}余人`, NEARLY: (n) => `近${n}人` };

export function Competitions({ viewer }: { viewer: ViewerInfo }) {
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [editing, setEditing] = useState<CompetitionValues | null>(null);
  const [{ data, fetching }, refetch] = useQuery({ query: CompetitionList, variables: { filter: { year, search: search || null }, first: PAGE, after: cursors.at(-1) ?? null } });
  const [, remove] = useMutation(CompetitionDelete);
  const conn = data?.competitions;
  // An institution corrects its own entries; the federation's admin its shared catalogue.
  const mayChange = (shared: boolean) => shared === isFederation(viewer);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const del = async (id: string, name: string) => {
    const res = await remove({ id });
    const problem = res.data?.competitionDelete.userErrors[0]?.message ?? res.error?.graphQLErrors[0]?.message;
    if (problem) return message.error(problem);
    message.success(`已删除：${name}`);
    reload();
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label="年份" placeholder="年份" min={1950} max={2100} value={year} onChange={(v) => (setYear(v ?? null), setCursors([null]))} />
        <Input.Search aria-label="搜索竞赛名称" placeholder="名称或品牌" allowClear style={{ width: 220 }} onSearch={(v) => (setSearch(v.trim()), setCursors([null]))} />
      </Space>
      <Table
        rowKey={(r) => r.node.id}
        loading={fetching}
        dataSource={conn?.edges ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '名称', render: (_, r) => <>{r.node.name}{r.node.shared && <Tag style={{ marginLeft: 8 }}>共享目录</Tag>}</> },
          { title: '年份', width: 70, render: (_, r) => r.node.year },
          { title: '级别', width: 100, render: (_, r) => r.node.levelLabel },
          { title: '类别', width: 100, render: (_, r) => r.node.categoryLabel },
          { title: '主办单位', render: (_, r) => r.node.organiser ?? '—' },
          { title: '届次', width: 80, render: (_, r) => r.node.edition ?? '—' },
          {
            title: '本院工会组织',
            width: 120,
            render: (_, r) => (r.node.hostedByUnion ? (r.node.participants ? `是，参赛${r.node.participantsApprox ? APPROX[r.node.participantsApprox](r.node.participants) : `${r.node.participants}人`}` : '是') : '—'),
          },
          { title: '获奖记录', width: 90, render: (_, r) => r.node.awards.totalCount },
          {
            title: '操作',
            width: 150,
            render: (_, r) =>
              mayChange(r.node.shared) && (
                <Space>
                  <Button size="small" aria-label={`修改：${r.node.name}`} onClick={() => setEditing({ ...r.node })}>修改</Button>
                  <Popconfirm title={`删除“${r.node.name}”？`} okText="删除" cancelText="取消" onConfirm={() => del(r.node.id, r.node.name)} disabled={r.node.awards.totalCount > 0}>
                    <Button size="small" danger aria-label={`删除：${r.node.name}`} disabled={r.node.awards.totalCount > 0} title={r.node.awards.totalCount > 0 ? '已有获奖记录，不能删除' : undefined}>删除</Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <CursorPager cursors={cursors} setCursors={setCursors} conn={conn} pageSize={PAGE} />
      <CompetitionModal
        open={editing !== null}
        competition={editing ?? undefined}
        onClose={() => setEditing(null)}
        onSaved={(_id, warnings) => {
          setEditing(null);
          message.success('已保存竞赛');
          for (const w of warnings) message.warning(w);
          reload();
        }}
      />
    </>
  );
}
