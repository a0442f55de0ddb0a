import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/** An ECharts chart with an accessible name; the SVG renderer keeps text crisp and mirrors with the page. */
export function EChart({ option, label }: { option: Option; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true }, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} />;
}
