import { describe, expect, it } from 'vitest';
import {
  compareWithExplanations,
  explanationsSchema,
  parseFindingsCsv,
  type Explanation,
} from './electronegativity-findings.js';

// The shape Electronegativity 1.10 writes with `-o results.csv -r`.
const csv = `issue, severity, confidence, filename, location, sample, description, url
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main.js","32335:40","if (isExternalWebLink(url3)) void import_electron.shell.openExternal(url3);","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK
LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN","N/A","0:0",N/A,"Missing navigation limits using .on new-window and will-navigate events",https://github.com/doyensec/electronegativity/wiki/LIMIT_NAVIGATION_GLOBAL_CHECK
`;

const openExternal: Explanation = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main.js',
  sampleIncludes: 'isExternalWebLink(',
  explanation: 'Only http(s) URLs reach shell.openExternal: isExternalWebLink checks the scheme first.',
};

describe('Electronegativity findings', () => {
  it('reads the CSV report', () => {
    const findings = parseFindingsCsv(csv);
    expect(findings.map((f) => [f.check, f.file, f.severity])).toEqual([
      ['OPEN_EXTERNAL_JS_CHECK', 'main.js', 'MEDIUM'],
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'N/A', 'HIGH'],
    ]);
    expect(findings[0]!.sample).toContain('shell.openExternal(url3)');
  });

  it('fails a finding nobody explained, passes one that is', () => {
    const { unexplained, stale } = compareWithExplanations(parseFindingsCsv(csv), [openExternal]);
    expect(unexplained.map((f) => f.check)).toEqual(['LIMIT_NAVIGATION_GLOBAL_CHECK']);
    expect(stale).toEqual([]);
  });

  it('an explanation for code that changed no longer covers it, and is reported stale', () => {
    const moved = parseFindingsCsv(csv.replace('isExternalWebLink(url3)', 'true'));
    const { unexplained, stale } = compareWithExplanations(moved, [openExternal]);
    expect(unexplained.map((f) => f.check)).toContain('OPEN_EXTERNAL_JS_CHECK');
    expect(stale).toEqual([openExternal]);
  });

  it('an explanation must say why', () => {
    const parsed = explanationsSchema.safeParse([{ ...openExternal, explanation: 'fine' }]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('say why');
  });
});
