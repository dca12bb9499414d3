// Environment: browser. One uPlot canvas chart, sized to its container: made when the options change (theme,
// language), fed new data in place, resized with its container, destroyed on unmount. The canvas is hidden from
// screen readers; each chart's figure carries a table of the same numbers.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const MIN_WIDTH = 200;

export function UplotChart({
  options,
  data,
}: {
  /** Everything but the width, which follows the container. */
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  // Declared first, so a chart made again (new theme) starts from the latest numbers.
  useEffect(() => {
    dataRef.current = data;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const width = () => Math.max(MIN_WIDTH, Math.floor(container.clientWidth));
    const chart = new uPlot({ ...options, width: width() }, dataRef.current, container);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      if (chart.width !== width()) chart.setSize({ width: width(), height: options.height });
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, [options]);

  useEffect(() => {
    chartRef.current?.setData(data);
  }, [data]);

  return <div ref={containerRef} className="chart" aria-hidden="true" />;
}
