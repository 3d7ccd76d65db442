// An ECharts chart that follows its container's size; its numbers show on hover (tooltip).
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export function Chart({ option, height = 280, label }: { option: echarts.EChartsOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(ref.current!);
    chart.setOption({ tooltip: { trigger: 'item' }, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current!);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
