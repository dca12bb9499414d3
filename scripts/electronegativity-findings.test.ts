import { describe, expect, it } from 'vitest';
import {
  compareWithExplanations,
  explanationsSchema,
  parseFindingsSarif,
  type Explanation,
} from './electronegativity-findings.js';

// The shape Electronegativity 1.10 writes with `-o results.sarif -r` (trimmed to what is read).
const mainJs = [
  'function limitNavigation(contents, openOutside) {',
  '  if (isExternalWebLink(url3)) void import_electron.shell.openExternal(url3);',
  '}',
].join('\n');
const result = (ruleId: string, uri: string, startLine: number, startColumn: number, charLength: number) => ({
  ruleId,
  level: 'warning',
  message: { text: `${ruleId} description` },
  locations: [
    { physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn, charLength } } },
  ],
});
const sarifOf = (...results: ReturnType<typeof result>[]) =>
  JSON.stringify({ version: '2.1.0', runs: [{ results }] });
const sarif = sarifOf(
  result('OPEN_EXTERNAL_JS_CHECK', 'main.js', 2, 33, 40),
  result('LIMIT_NAVIGATION_GLOBAL_CHECK', 'file:///', 1, 1, 0),
);
const readScanned = (files: Record<string, string>) => (file: string) => files[file];
const parse = (report: string, source = mainJs) =>
  parseFindingsSarif(report, readScanned({ 'main.js': source }));

const openExternal: Explanation = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main.js',
  sampleIncludes: 'isExternalWebLink(',
  explanation: 'Only http(s) URLs reach shell.openExternal: isExternalWebLink checks the scheme first.',
};

describe('Electronegativity findings', () => {
  it('reads the SARIF report, taking each sample from the scanned source', () => {
    const findings = parse(sarif);
    expect(findings.map((f) => [f.check, f.file, f.location])).toEqual([
      ['OPEN_EXTERNAL_JS_CHECK', 'main.js', '2:33'],
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'N/A', '1:1'],
    ]);
    expect(findings[0]!.sample).toBe(mainJs.split('\n')[1]!.trim());
  });

  it('a flagged region that runs over several lines brings all of them', () => {
    const [finding] = parse(sarifOf(result('OPEN_EXTERNAL_JS_CHECK', 'main.js', 1, 40, 30)));
    expect(finding!.sample).toContain('openOutside) {');
    expect(finding!.sample).toContain('isExternalWebLink(url3)');
  });

  it('a report that is not Electronegativity SARIF is refused, not read as no findings', () => {
    expect(() => parse('{"runs": [{"results": [{"ruleId": 1}]}]}')).toThrow();
  });

  it('fails a finding nobody explained, passes one that is', () => {
    const { unexplained, stale } = compareWithExplanations(parse(sarif), [openExternal]);
    expect(unexplained.map((f) => f.check)).toEqual(['LIMIT_NAVIGATION_GLOBAL_CHECK']);
    expect(stale).toEqual([]);
  });

  it('an explanation for code that changed no longer covers it, and is reported stale', () => {
    const moved = parse(sarif, mainJs.replace('isExternalWebLink(url3)', 'true'));
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
