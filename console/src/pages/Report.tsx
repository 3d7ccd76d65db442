// 报告: the year's drafted achievements section (each sentence links to the records it
// states), the ranked list and totals, and the .md / .docx downloads; the federation
// report for the federation roles.
import { App, Button, Card, Col, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useLookups } from '../api/lookups';
import { isFederation, type ViewerInfo } from '../api/viewer';
import { RecordDrawer } from '../components/RecordDrawer';
import { graphql } from '../gql';
import { download } from '../lib/download';

const ReportQuery = graphql(`
  query Report($year: Int!, $scope: ReportScope) {
    achievementReport(year: $year, scope: $scope) {
      title demo
      totals { achievements awards honours modelWorkers peopleAwarded womenAwarded byLevel { level label count } }
      narrative { heading sentences { text recordIds } }
      ranked { rank achievement { id title levelLabel resultLabel people { name } collective { name } } }
    }
  }
`);

const FederationQuery = graphql(`
  query Federation($year: Int!) {
    federationReport(year: $year) {
      institutionCount rankedTotal
      totals { institution { id name } achievements awards honours modelWorkers peopleAwarded }
      narrative { sentences { text recordIds } }
      ranked { rank institution { name } recipients result achievement { id title levelLabel } }
    }
  }
`);

function Sentences({ sentences, open }: { sentences: readonly { text: string; recordIds: readonly string[] }[]; open: (id: string) => void }) {
  return (
    <p style={{ lineHeight: 2, textIndent: '2em' }}>
      {sentences.map((s, i) =>
        s.recordIds.length ? (
          <a key={i} href="#/report" onClick={(e) => (e.preventDefault(), open(s.recordIds[0]))} title={`据 ${s.recordIds.length} 条记录`} data-records={s.recordIds.join(' ')}>
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

export function Report({ viewer }: { viewer: ViewerInfo }) {
  const { message } = App.useApp();
  const { departments, unionGroups } = useLookups();
  const [year, setYear] = useState(2020);
  const [scope, setScope] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const federation = isFederation(viewer);
  const scopeInput = scope ? (departments.some((d) => d.value === scope) ? { departmentId: scope } : { unionGroupId: scope }) : null;
  const [{ data, fetching, error }] = useQuery({ query: ReportQuery, variables: { year, scope: scopeInput }, pause: federation });
  const [{ data: fed }] = useQuery({ query: FederationQuery, variables: { year }, pause: !federation });
  const report = data?.achievementReport;
  const query = scope ? `?${'departmentId' in (scopeInput ?? {}) ? 'departmentId' : 'unionGroupId'}=${encodeURIComponent(scope)}` : '';
  const kind = federation ? 'federation' : 'achievements';
  const get = (ext: 'md' | 'docx') => download(`/reports/${year}/${kind}.${ext}${query}`, `${year}年${federation ? '系统' : ''}成果.${ext}`).catch((e: Error) => message.error(e.message));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="report-year">年份</label>
        <InputNumber id="report-year" min={1950} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {!federation && (
          <Select
            aria-label="范围"
            allowClear
            placeholder="全院"
            style={{ width: 180 }}
            value={scope}
            onChange={setScope}
            options={[
              { label: '科室', options: departments },
              { label: '工会小组', options: unionGroups },
            ]}
          />
        )}
        <Button onClick={() => get('md')}>下载 Markdown</Button>
        <Button type="primary" onClick={() => get('docx')}>下载 Word（.docx）</Button>
      </Space>
      {error && <Typography.Text type="danger">{error.graphQLErrors[0]?.message ?? error.message}</Typography.Text>}
      {report && (
        <>
          <Typography.Title level={4}>
            {report.title} {report.demo && <Tag color="orange">演示数据</Tag>}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Card><Statistic title="成果" value={report.totals.achievements} suffix="项" /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="获奖" value={report.totals.awards} suffix="项" /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="荣誉与劳模" value={report.totals.honours + report.totals.modelWorkers} suffix="项" /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="获奖人数" value={report.totals.peopleAwarded} suffix={`人（女 ${report.totals.womenAwarded}）`} /></Card></Col>
          </Row>
          <Card title="成果段落（点击句子查看所据记录）" loading={fetching}>
            <article aria-label="报告正文" data-testid="narrative">
              {report.narrative.map((p) => (
                <section key={p.heading}>
                  <Typography.Title level={5}>{p.heading}</Typography.Title>
                  <Sentences sentences={p.sentences} open={setOpen} />
                </section>
              ))}
            </article>
          </Card>
          <Card title="成果排序">
            <Table
              size="small"
              rowKey={(r) => r.achievement.id}
              dataSource={report.ranked}
              scroll={{ x: 600 }}
              onRow={(r) => ({ onClick: () => setOpen(r.achievement.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: '序', dataIndex: 'rank', width: 50 },
                { title: '名称', render: (_, r) => r.achievement.title },
                { title: '级别', render: (_, r) => r.achievement.levelLabel },
                { title: '结果', render: (_, r) => r.achievement.resultLabel },
                { title: '获得者', render: (_, r) => r.achievement.people.map((p) => p.name).join('、') || r.achievement.collective?.name },
              ]}
            />
          </Card>
        </>
      )}
      {fed && (
        <>
          <Card title={`全系统（${fed.federationReport.institutionCount} 家单位）`}>
            <Sentences sentences={fed.federationReport.narrative.sentences} open={setOpen} />
          </Card>
          <Card title="各单位">
            <Table
              size="small"
              rowKey={(r) => r.institution.id}
              dataSource={fed.federationReport.totals}
              pagination={false}
              columns={[
                { title: '单位', render: (_, r) => r.institution.name },
                { title: '成果', dataIndex: 'achievements' },
                { title: '获奖', dataIndex: 'awards' },
                { title: '荣誉', dataIndex: 'honours' },
                { title: '劳模', dataIndex: 'modelWorkers' },
                { title: '获奖人数', dataIndex: 'peopleAwarded' },
              ]}
            />
          </Card>
        </>
      )}
      <RecordDrawer id={open} onClose={() => setOpen(null)} admin={viewer.role === 'ADMIN'} />
    </Space>
  );
}
