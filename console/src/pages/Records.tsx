// 记录: every achievement (awards, honours, model workers) and donation in one filterable,
// paged list; a row opens the record with its history.
import { App, Button, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useLookups } from '../api/lookups';
import type { ViewerInfo } from '../api/viewer';
import { RecordDrawer } from '../components/RecordDrawer';
import { CursorPager } from '../components/CursorPager';
import { graphql } from '../gql';
import type { AchievementFilter } from '../gql/graphql';
import { download } from '../lib/download';

/** The export takes the list's filter (all but the text search and the kind: every kind has its sheet). */
const exportQuery = (f: AchievementFilter) =>
  new URLSearchParams(Object.entries({ year: f.year, levelAtLeast: f.levelAtLeast, category: f.category, departmentId: f.departmentId, status: f.status }).filter((e): e is [string, string | number] => e[1] != null).map(([k, v]) => [k, String(v)]));

const RecordsQuery = graphql(`
  query Records($filter: AchievementFilter, $first: Int!, $after: String) {
    achievements(filter: $filter, orderBy: RANK, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges {
        node {
          id kind title year levelLabel resultLabel status statusLabel
          people { name }
          collective { name }
        }
      }
    }
  }
`);

const DonationsQuery = graphql(`
  query DonationRecords($year: Int, $status: RecordStatus) {
    donations(filter: { year: $year, status: $status }, first: 100) {
      totalCount
      edges { node { id kindLabel quantityText date status statusLabel donor { name } donorCollective { name } donorCount campaign } }
    }
  }
`);

const PAGE = 20;
const STATUS_COLOURS: Record<string, string> = { DRAFT: 'default', SUBMITTED: 'gold', VERIFIED: 'green', RETURNED: 'red' };

export function Records({ viewer }: { viewer: ViewerInfo }) {
  const lookups = useLookups();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AchievementFilter>({});
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<string | null>(null);
  const after = cursors.at(-1) ?? null;
  const [{ data, fetching }] = useQuery({ query: RecordsQuery, variables: { filter: { ...filter, search: search || null }, first: PAGE, after } });
  const [{ data: donations }] = useQuery({ query: DonationsQuery, variables: { year: filter.year ?? null, status: filter.status ?? null } });
  const change = (patch: Partial<AchievementFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setCursors([null]);
  };
  const conn = data?.achievements;
  const filters = (
    <Space wrap style={{ marginBottom: 12 }}>
      <InputNumber aria-label="年份" placeholder="年份" min={1950} max={2100} value={filter.year ?? null} onChange={(v) => change({ year: v ?? null })} />
      <Select aria-label="类型" placeholder="类型" allowClear style={{ width: 130 }} options={lookups.achievementKinds} value={filter.kind ?? undefined} onChange={(v) => change({ kind: v ?? null })} />
      <Select aria-label="级别（及以上）" placeholder="级别及以上" allowClear style={{ width: 130 }} options={lookups.levels} value={filter.levelAtLeast ?? undefined} onChange={(v) => change({ levelAtLeast: v ?? null })} />
      <Select aria-label="类别" placeholder="类别" allowClear style={{ width: 130 }} options={lookups.categories} value={filter.category ?? undefined} onChange={(v) => change({ category: v ?? null })} />
      <Select aria-label="科室" placeholder="科室" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} options={lookups.departments} value={filter.departmentId ?? undefined} onChange={(v) => change({ departmentId: v ?? null })} />
      <Select aria-label="状态" placeholder="状态" allowClear style={{ width: 120 }} options={lookups.recordStatuses} value={filter.status ?? undefined} onChange={(v) => change({ status: v ?? null })} />
      <Input.Search aria-label="搜索名称或姓名" placeholder="名称或姓名" allowClear style={{ width: 200 }} onSearch={(v) => (setSearch(v.trim()), setCursors([null]))} />
      <Button onClick={() => download(`/exports/records.xlsx?${exportQuery(filter)}`, '全部记录.xlsx').catch((e: Error) => message.error(e.message))}>导出 Excel（各类一表）</Button>
    </Space>
  );
  return (
    <>
      {filters}
      <Tabs
        items={[
          {
            key: 'achievements',
            label: `成果（${conn?.totalCount ?? 0}）`,
            children: (
              <>
                <Table
                  rowKey={(r) => r.node.id}
                  loading={fetching}
                  dataSource={conn?.edges ?? []}
                  pagination={false}
                  scroll={{ x: 720 }}
                  onRow={(r) => ({ onClick: () => setOpen(r.node.id), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '名称', render: (_, r) => <a href={`#/records`} onClick={(e) => (e.preventDefault(), setOpen(r.node.id))}>{r.node.title}</a> },
                    { title: '年份', width: 70, render: (_, r) => r.node.year },
                    { title: '级别', width: 80, render: (_, r) => r.node.levelLabel },
                    { title: '结果', render: (_, r) => r.node.resultLabel },
                    { title: '获得者', render: (_, r) => r.node.people.map((p) => p.name).join('、') || r.node.collective?.name },
                    { title: '状态', width: 90, render: (_, r) => <Tag color={STATUS_COLOURS[r.node.status]}>{r.node.statusLabel}</Tag> },
                  ]}
                />
                <CursorPager cursors={cursors} setCursors={setCursors} conn={conn} pageSize={PAGE} />
              </>
            ),
          },
          {
            key: 'donations',
            label: `捐赠（${donations?.donations.totalCount ?? 0}）`,
            children: (
              <Table
                rowKey={(r) => r.node.id}
                dataSource={donations?.donations.edges ?? []}
                scroll={{ x: 600 }}
                onRow={(r) => ({ onClick: () => setOpen(r.node.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: '类型', render: (_, r) => r.node.kindLabel },
                  { title: '数量', render: (_, r) => r.node.quantityText },
                  { title: '捐赠者', render: (_, r) => r.node.donor?.name ?? r.node.donorCollective?.name ?? (r.node.donorCount ? `${r.node.donorCount}人` : '—') },
                  { title: '日期', render: (_, r) => r.node.date },
                  { title: '状态', render: (_, r) => <Tag color={STATUS_COLOURS[r.node.status]}>{r.node.statusLabel}</Tag> },
                ]}
              />
            ),
          },
        ]}
      />
      <RecordDrawer id={open} onClose={() => setOpen(null)} admin={viewer.role === 'ADMIN'} />
    </>
  );
}
