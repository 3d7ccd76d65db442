// 上一页 / 下一页 over a Relay connection: the cursors of the pages visited so far are kept, so
// going back needs no backward cursor.
import { Button, Space } from 'antd';

export function CursorPager({ cursors, setCursors, conn, pageSize }: {
  cursors: (string | null)[];
  setCursors: (update: (c: (string | null)[]) => (string | null)[]) => void;
  conn: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | undefined;
  pageSize: number;
}) {
  return (
    <Space style={{ marginTop: 12 }}>
      <Button disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>上一页</Button>
      <span>第 {cursors.length} 页，共 {Math.max(1, Math.ceil((conn?.totalCount ?? 0) / pageSize))} 页</span>
      <Button disabled={!conn?.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, conn!.pageInfo.endCursor ?? null])}>下一页</Button>
    </Space>
  );
}
