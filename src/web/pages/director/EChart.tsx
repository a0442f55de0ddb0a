import { useEffect, useRef } from 'react';
import { echarts } from './echarts-setup';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/**
 * An ECharts chart with an accessible name, drawn as SVG so text stays crisp.
 *
 * The drawing is always laid out left to right: ECharts places every text (legend names, axis
 * labels) by its left edge, and SVG reads `text-anchor: start` as the right edge under an
 * inherited `direction: rtl`, which slid the legend names over their colour keys. A right-to-left
 * page mirrors a chart through its options instead (reversed axes and legend order, see
 * DirectorDashboardPage); only the tooltip, which is HTML, keeps the page's direction.
 */
export function EChart({ option, label, rtl }: { option: Option; label: string; rtl: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      ...option,
      ...(rtl && {
        tooltip: {
          ...(option.tooltip as object),
          extraCssText: 'direction: rtl; text-align: right;',
        },
      }),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, rtl]);
  return <div ref={ref} className="chart" role="img" aria-label={label} dir="ltr" />;
}
