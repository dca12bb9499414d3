// Environment: browser. The charts' colours come from the design tokens (styles/tokens.css), read when a chart
// is drawn, and the charts are drawn again when the system switches between light and dark.
import { useEffect, useState } from 'react';

export interface ChartTheme {
  series: [string, string];
  seriesFill: [string, string];
  axis: string;
  grid: string;
  font: string;
}

function token(styles: CSSStyleDeclaration, name: string, fallback: string): string {
  return styles.getPropertyValue(name).trim() || fallback;
}

export function readChartTheme(root: Element = document.documentElement): ChartTheme {
  const styles = getComputedStyle(root);
  const font = token(styles, '--font-ui', 'system-ui, sans-serif');
  return {
    series: [token(styles, '--chart-1', '#3d56d6'), token(styles, '--chart-2', '#b3261e')],
    seriesFill: [
      token(styles, '--chart-1-fill', 'rgb(61 86 214 / 0.6)'),
      token(styles, '--chart-2-fill', 'transparent'),
    ],
    axis: token(styles, '--text-muted', '#5d5d68'),
    grid: token(styles, '--chart-grid', '#e2e2e6'),
    font: `11px ${font}`,
  };
}

const DARK = '(prefers-color-scheme: dark)';

/** The theme now; a new one whenever the colour scheme changes. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme);
  useEffect(() => {
    const query = window.matchMedia(DARK);
    const changed = () => setTheme(readChartTheme());
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return theme;
}
