// The table `npm run bench` prints: figure, value, goal, pass or miss.
import type { BenchRun } from './bench-run.js';

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return unit === '×' ? `${value.toFixed(3)}×` : `${value.toFixed(digits)} ${unit}`;
}

export function benchTable(run: BenchRun): string {
  const rows = run.goals.map((goal) => [
    goal.figure,
    formatValue(goal.value, goal.unit),
    `${goal.goal}${goal.unit === '×' ? '×' : ` ${goal.unit}`}`,
    goal.value === null
      ? 'not measured'
      : run.quick
        ? goal.met
          ? '(pass)'
          : '(miss)'
        : goal.met
          ? 'pass'
          : 'miss',
  ]);
  const header = ['figure', 'value', 'goal', run.quick ? 'quick: not judged' : 'result'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const { machine } = run;
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}; ${run.seconds} s${
      run.quick ? ' (--quick: small sizes)' : ''
    }`,
    ...run.failures.map((failure) => `FAILED ${failure.scenario}: ${failure.error.split('\n')[0]}`),
  ].join('\n');
}
