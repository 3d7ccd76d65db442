// 概览: the year's verified results by level, category and department, the trend over the
// years, and the size of the verification queue.
import { Card, Col, InputNumber, Row, Space, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../components/Chart';
import { graphql } from '../gql';

const TrendQuery = graphql(`
  query OverviewTrend {
    trend: achievementStats(filter: { status: VERIFIED }, groupBy: [YEAR]) {
      groups { year records people }
    }
    queue: achievementStats(filter: { status: SUBMITTED }) {
      total { records }
    }
  }
`);

const YearQuery = graphql(`
  query OverviewYear($year: Int) {
    year: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [LEVEL]) {
      total { records people women collectives }
      groups { level levelLabel records }
    }
    categories: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [CATEGORY]) {
      groups { category categoryLabel records }
    }
    departments: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [DEPARTMENT]) {
      groups { department { name } records people }
    }
  }
`);

export function Overview() {
  const [chosen, setChosen] = useState<number | null>(null);
  const [{ data: trend }] = useQuery({ query: TrendQuery });
  // The newest year with verified results, until another is chosen (asked once the trend is in).
  const latest = trend ? (trend.trend.groups.at(-1)?.year ?? new Date().getFullYear()) : null;
  const year = chosen ?? latest ?? new Date().getFullYear();
  const [{ data: chosenYear }] = useQuery({ query: YearQuery, variables: { year }, pause: chosen === null && latest === null });
  // One object per answer (not per render): the charts redraw only when the figures change.
  const data = useMemo(() => (trend && chosenYear ? { ...trend, ...chosenYear } : undefined), [trend, chosenYear]);
  const options = useMemo(() => {
    const levels = data?.year.groups ?? [];
    return {
      levels: {
        tooltip: { trigger: 'axis' as const },
        xAxis: { type: 'category' as const, data: levels.map((g) => g.levelLabel ?? '') },
        yAxis: { type: 'value' as const, minInterval: 1 },
        series: [{ type: 'bar' as const, name: '项数', data: levels.map((g) => g.records), label: { show: true, position: 'top' as const } }],
      },
      categories: {
        series: [{ type: 'pie' as const, radius: ['40%', '70%'], data: (data?.categories.groups ?? []).map((g) => ({ name: g.categoryLabel ?? '荣誉/劳模', value: g.records })) }],
      },
      departments: {
        tooltip: { trigger: 'axis' as const },
        grid: { left: 100 },
        xAxis: { type: 'value' as const, minInterval: 1 },
        yAxis: { type: 'category' as const, inverse: true, data: (data?.departments.groups ?? []).slice(0, 12).map((g) => g.department?.name ?? '（未分科室）') },
        series: [{ type: 'bar' as const, name: '项数', data: (data?.departments.groups ?? []).slice(0, 12).map((g) => g.records) }],
      },
      trend: {
        tooltip: { trigger: 'axis' as const },
        legend: {},
        xAxis: { type: 'category' as const, data: (data?.trend.groups ?? []).slice(-8).map((g) => String(g.year)) },
        yAxis: { type: 'value' as const, minInterval: 1 },
        series: [
          { type: 'line' as const, name: '项数', data: (data?.trend.groups ?? []).slice(-8).map((g) => g.records) },
          { type: 'line' as const, name: '获奖人数', data: (data?.trend.groups ?? []).slice(-8).map((g) => g.people) },
        ],
      },
    };
  }, [data]);
  const total = data?.year.total;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="overview-year">年份</label>
        <InputNumber id="overview-year" min={1950} max={2100} value={year} onChange={(v) => setChosen(v ?? null)} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card><Statistic title={`${year}年已审核成果`} value={total?.records ?? 0} suffix="项" data-testid="stat-records" /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title="获奖人数" value={total?.people ?? 0} suffix={`人（女 ${total?.women ?? 0}）`} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title="集体成果" value={total?.collectives ?? 0} suffix="项" /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title="待审核" value={data?.queue.total.records ?? 0} suffix="条" data-testid="stat-queue" /></Card></Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><Card title="按级别"><Chart label={`${year}年按级别的成果数`} option={options.levels} /></Card></Col>
        <Col xs={24} lg={12}><Card title="按类别"><Chart label={`${year}年按类别的成果数`} option={options.categories} /></Card></Col>
        <Col xs={24} lg={12}><Card title="各科室"><Chart label={`${year}年各科室的成果数`} option={options.departments} height={340} /></Card></Col>
        <Col xs={24} lg={12}><Card title="历年趋势"><Chart label="历年已审核成果数与获奖人数" option={options.trend} height={340} /></Card></Col>
      </Row>
    </Space>
  );
}
