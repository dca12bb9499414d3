// Electronegativity's findings against the checked-in explanations (security/electronegativity-explained.json):
// every finding must be explained, and every explanation must still match a finding (no stale excuses).
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

const sarifReportSchema = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          level: z.string(),
          message: z.object({ text: z.string() }),
          locations: z
            .array(
              z.object({
                physicalLocation: z.object({
                  artifactLocation: z.object({ uri: z.string() }),
                  region: z.object({
                    startLine: z.number(),
                    startColumn: z.number(),
                    charLength: z.number(),
                  }),
                }),
              }),
            )
            .min(1),
        }),
      ),
    }),
  ),
});

/**
 * Electronegativity's SARIF report (`-o results.sarif -r`). Not its CSV: that one is written by two racing
 * fs.writeFile calls (header, then rows appended), which now and then leaves the header over the first row.
 * SARIF carries no code sample, so the sample is the scanned file's source lines that hold the flagged region.
 */
export function parseFindingsSarif(
  sarif: string,
  readScanned: (file: string) => string | undefined,
): Finding[] {
  const report = sarifReportSchema.parse(JSON.parse(sarif));
  return report.runs.flatMap((run) =>
    run.results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      const file = artifactLocation.uri === 'file:///' ? 'N/A' : artifactLocation.uri;
      return {
        check: result.ruleId,
        severity: result.level,
        file,
        location: `${region.startLine}:${region.startColumn}`,
        sample: file === 'N/A' ? '' : sourceLinesOf(readScanned(file) ?? '', region),
        description: result.message.text,
      };
    }),
  );
}

function sourceLinesOf(
  source: string,
  region: { startLine: number; startColumn: number; charLength: number },
): string {
  const lines = source.split('\n');
  const first = region.startLine - 1;
  let last = first;
  let remaining = region.startColumn - 1 + region.charLength - (lines[first]?.length ?? 0);
  while (remaining > 0 && last + 1 < lines.length) {
    last += 1;
    remaining -= lines[last]!.length + 1;
  }
  return lines
    .slice(first, last + 1)
    .join('\n')
    .trim();
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
