// Electronegativity's findings against the checked-in explanations (security/electronegativity-explained.json):
// every finding must be explained, and every explanation must still match a finding (no stale excuses).
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

export const explanationSchema = z.strictObject({
  check: z.string().min(1),
  /** The scanned file, relative to the scan folder (main.js, preload.js, index.html, or N/A for global checks). */
  file: z.string().min(1),
  /** Part of the flagged code, when one file has several findings of a check: line numbers move with every build. */
  sampleIncludes: z.string().min(1).optional(),
  explanation: z.string().min(40, 'explanation: say why this finding is acceptable, in a sentence or two'),
});
export const explanationsSchema = z.array(explanationSchema);
export type Explanation = z.infer<typeof explanationSchema>;

/** Electronegativity's CSV report (`-o results.csv`): a header row, then one row per finding. */
export function parseFindingsCsv(csv: string): Finding[] {
  const rows: Record<string, string>[] = parse(csv, { columns: true, trim: true, skip_empty_lines: true });
  return rows.map((row) => ({
    check: row.issue ?? '',
    severity: row.severity ?? '',
    file: row.filename ?? '',
    location: row.location ?? '',
    sample: row.sample ?? '',
    description: row.description ?? '',
  }));
}

function explains(explanation: Explanation, finding: Finding): boolean {
  return (
    explanation.check === finding.check &&
    explanation.file === finding.file &&
    (explanation.sampleIncludes === undefined || finding.sample.includes(explanation.sampleIncludes))
  );
}

export function compareWithExplanations(
  findings: readonly Finding[],
  explanations: readonly Explanation[],
): { unexplained: Finding[]; stale: Explanation[] } {
  return {
    unexplained: findings.filter((finding) => !explanations.some((e) => explains(e, finding))),
    stale: explanations.filter((e) => !findings.some((finding) => explains(e, finding))),
  };
}
