// The console's frame: sign-in, then a menu of pages and a header saying who is signed in.
import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { signOut, useSession } from './api/session';
import { canEnter, canVerify, isFederation, ROLE_NAMES, useViewer, type ViewerInfo } from './api/viewer';
import { Admin } from './pages/Admin';
import { Competitions } from './pages/Competitions';
import { Entry } from './pages/Entry';
import { Imports } from './pages/Imports';
import { Login } from './pages/Login';
import { Overview } from './pages/Overview';
import { Records } from './pages/Records';
import { Report } from './pages/Report';
import { Review } from './pages/Review';

interface Page {
  key: string;
  label: string;
  shown: (v: ViewerInfo | null) => boolean;
  render: (v: ViewerInfo) => React.ReactNode;
}

const PAGES: Page[] = [
  { key: 'overview', label: '概览', shown: () => true, render: () => <Overview /> },
  { key: 'records', label: '记录', shown: (v) => !isFederation(v), render: (v) => <Records viewer={v} /> },
  { key: 'entry', label: '录入', shown: canEnter, render: (v) => <Entry viewer={v} /> },
  { key: 'review', label: '审核', shown: canVerify, render: () => <Review /> },
  { key: 'imports', label: '导入', shown: canEnter, render: () => <Imports /> },
  { key: 'competitions', label: '竞赛', shown: (v) => canVerify(v) || v?.role === 'FEDERATION_ADMIN', render: (v) => <Competitions viewer={v} /> },
  { key: 'report', label: '报告', shown: () => true, render: (v) => <Report viewer={v} /> },
  { key: 'admin', label: '管理', shown: (v) => v?.role === 'ADMIN', render: () => <Admin /> },
];

const pageFromHash = () => window.location.hash.replace(/^#\/?/, '') || 'overview';

function scopeText(v: ViewerInfo): string {
  if (v.role !== 'CLERK') return '';
  if (v.wholeInstitution) return '全院';
  return [...v.departmentCodes, ...v.unionGroupCodes].join('、') || '无';
}

export function App() {
  const session = useSession();
  const viewer = useViewer();
  const [page, setPage] = useState(pageFromHash);
  const wide = Grid.useBreakpoint().md ?? true;
  useEffect(() => {
    const follow = () => setPage(pageFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  if (!session) return <Login />;
  const pages = PAGES.filter((p) => p.shown(viewer));
  const current = pages.find((p) => p.key === page) ?? pages[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={160}>
        <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>
          荣誉登记系统
        </Typography.Title>
        <nav aria-label="页面">
          <Menu mode="inline" selectedKeys={[current.key]} items={pages.map((p) => ({ key: p.key, label: <a href={`#/${p.key}`}>{p.label}</a> }))} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 8, flexWrap: 'wrap', height: 'auto', minHeight: 64 }}>
          {viewer && (
            <Space wrap aria-label="当前用户" data-testid="who">
              <span>{viewer.user?.displayName ?? viewer.username}</span>
              <Tag color="red">{ROLE_NAMES[viewer.role] ?? viewer.role}</Tag>
              {viewer.institution && <Tag>{viewer.institution.name}{viewer.institution.demo ? '（演示）' : ''}</Tag>}
              {scopeText(viewer) && <Tag color="blue">范围：{scopeText(viewer)}</Tag>}
            </Space>
          )}
          <Button onClick={signOut}>退出</Button>
        </Layout.Header>
        {/* On a phone the menu folds away; its toggle sits at the content's top left. */}
        <Layout.Content style={{ padding: wide ? 16 : '16px 12px 16px 52px' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {current.label}
          </Typography.Title>
          {viewer ? current.render(viewer) : null}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
