// Environment: browser. The last 24 hours in three charts (uPlot): handoffs per hour (bars), waiting over time
// (a stepped line: how many waited unclaimed at each hour's end) and response times (median first response
// and median resolution, in minutes). Axes show hours; no legend but a short key where there are two lines.
// Each figure has a visually hidden table of the same numbers for screen readers.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import uPlotLib from 'uplot';
import type { HourlyPoint } from '../../../shared/monitor.js';
import { currentLocale } from '../../i18n/t.js';
import { formatFigureDuration } from './monitor-format.js';
import { useChartTheme, type ChartTheme } from './chart-theme.js';
import { UplotChart } from './UplotChart.js';

const HEIGHT = 170;
const HOUR_S = 3600;

function hourLabel(seconds: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric' }).format(new Date(seconds * 1000));
}

function hourRangeLabel(iso: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const start = Date.parse(iso);
  return `${format.format(new Date(start))}–${format.format(new Date(start + HOUR_S * 1000))}`;
}

/** Shared by the three charts: hours along x, whole numbers (or minutes) up y from zero, no legend. */
function baseOptions(
  theme: ChartTheme,
  locale: string,
  yValue: (value: number) => string,
  yMinTop: number,
): Omit<uPlot.Options, 'width' | 'series'> {
  const axis = { stroke: theme.axis, font: theme.font, grid: { stroke: theme.grid, width: 1 } };
  return {
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: {
      // Half an hour either side, so the first and last bars are whole.
      x: { time: true, range: (_u, min, max) => [min - HOUR_S / 2, max + HOUR_S / 2] },
      y: { range: (_u, _min, max) => [0, Math.max(yMinTop, max * 1.15)] },
    },
    axes: [
      {
        ...axis,
        grid: { show: false },
        space: 36,
        incrs: [HOUR_S, 2 * HOUR_S, 3 * HOUR_S, 4 * HOUR_S, 6 * HOUR_S],
        values: (_u, splits) => splits.map((split) => hourLabel(split, locale)),
      },
      {
        ...axis,
        size: 56,
        space: 28,
        values: (_u, splits) => splits.map((split) => (Number.isInteger(split) ? yValue(split) : '')),
      },
    ],
  };
}

function useChartOptions() {
  // Re-rendered on a language change (useTranslation), when the locale below changes with it.
  useTranslation();
  const theme = useChartTheme();
  const locale = currentLocale();
  return useMemo(() => {
    const count = (value: number) => new Intl.NumberFormat(locale).format(value);
    const minutes = (value: number) => `${count(value)} min`;
    const bars = uPlotLib.paths.bars?.({ size: [0.7, 28], radius: 0.15 });
    const stepped = uPlotLib.paths.stepped?.({ align: 1 });
    return {
      handoffs: {
        ...baseOptions(theme, locale, count, 4),
        series: [
          {},
          {
            stroke: theme.series[0],
            fill: theme.seriesFill[0],
            width: 0,
            paths: bars,
            points: { show: false },
          },
        ],
      },
      waiting: {
        ...baseOptions(theme, locale, count, 4),
        series: [{}, { stroke: theme.series[0], width: 2, paths: stepped, points: { show: false } }],
      },
      responses: {
        ...baseOptions(theme, locale, minutes, 5),
        series: [
          {},
          { stroke: theme.series[0], width: 2, points: { show: true, size: 5 }, spanGaps: false },
          {
            stroke: theme.series[1],
            width: 2,
            dash: [5, 4],
            points: { show: true, size: 5 },
            spanGaps: false,
          },
        ],
      },
    } satisfies Record<string, Omit<uPlot.Options, 'width'>>;
  }, [theme, locale]);
}

function HourlyTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: string[] }[];
}) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChartFigure({
  id,
  title,
  keyItems,
  options,
  data,
  table,
}: {
  id: string;
  title: string;
  keyItems?: { label: string; className: string }[];
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
  table: { columns: string[]; rows: { key: string; cells: string[] }[] };
}) {
  return (
    <figure className="chart-figure" aria-labelledby={id}>
      <div className="chart-figure__head">
        <figcaption id={id} className="chart-figure__title">
          {title}
        </figcaption>
        {/* A short key instead of a legend; screen readers have the table's column names. */}
        {keyItems && (
          <span className="chart-key" aria-hidden="true">
            {keyItems.map((item) => (
              <span key={item.label} className={`chart-key__item ${item.className}`}>
                {item.label}
              </span>
            ))}
          </span>
        )}
      </div>
      <UplotChart options={options} data={data} />
      <HourlyTable caption={title} {...table} />
    </figure>
  );
}

const toMinutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

export function HourlyCharts({ hourly }: { hourly: readonly HourlyPoint[] }) {
  const { t } = useTranslation();
  const options = useChartOptions();
  const locale = currentLocale();
  const data = useMemo(() => {
    const x = hourly.map((point) => Date.parse(point.hourStart) / 1000);
    return {
      handoffs: [x, hourly.map((point) => point.handoffs)] as uPlot.AlignedData,
      waiting: [x, hourly.map((point) => point.waiting)] as uPlot.AlignedData,
      responses: [
        x,
        hourly.map((point) => toMinutes(point.firstResponseMedianSeconds)),
        hourly.map((point) => toMinutes(point.resolutionMedianSeconds)),
      ] as uPlot.AlignedData,
    };
  }, [hourly]);
  const hour = (point: HourlyPoint) => hourRangeLabel(point.hourStart, locale);

  return (
    <section className="monitor-card monitor-charts" aria-labelledby="monitor-charts">
      <h2 id="monitor-charts" className="monitor__subheading">
        {t('monitor.charts')}
      </h2>
      <div className="monitor-charts__grid">
        <ChartFigure
          id="chart-handoffs"
          title={t('monitor.chart.handoffs')}
          options={options.handoffs}
          data={data.handoffs}
          table={{
            columns: [t('monitor.chart.hour'), t('monitor.chart.handoffsColumn')],
            rows: hourly.map((point) => ({
              key: point.hourStart,
              cells: [hour(point), String(point.handoffs)],
            })),
          }}
        />
        <ChartFigure
          id="chart-waiting"
          title={t('monitor.chart.waiting')}
          options={options.waiting}
          data={data.waiting}
          table={{
            columns: [t('monitor.chart.hour'), t('monitor.chart.waitingColumn')],
            rows: hourly.map((point) => ({
              key: point.hourStart,
              cells: [hour(point), String(point.waiting)],
            })),
          }}
        />
        <ChartFigure
          id="chart-responses"
          title={t('monitor.chart.responses')}
          keyItems={[
            { label: t('monitor.chart.firstResponse'), className: 'chart-key__item--1' },
            { label: t('monitor.chart.resolution'), className: 'chart-key__item--2' },
          ]}
          options={options.responses}
          data={data.responses}
          table={{
            columns: [
              t('monitor.chart.hour'),
              t('monitor.chart.firstResponse'),
              t('monitor.chart.resolution'),
            ],
            rows: hourly.map((point) => ({
              key: point.hourStart,
              cells: [
                hour(point),
                formatFigureDuration(point.firstResponseMedianSeconds),
                formatFigureDuration(point.resolutionMedianSeconds),
              ],
            })),
          }}
        />
      </div>
    </section>
  );
}
