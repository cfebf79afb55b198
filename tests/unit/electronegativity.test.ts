/**
 * The Electronegativity gate of `npm test` (scripts/electronegativity.mjs), run for real and
 * offline: it reports an unsafe window (a fixture written for this test: no isolation, no
 * sandbox, plain HTTP); an unexplained finding above LOW fails the gate; an allow-list entry
 * that matches nothing any more is reported too.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { review, scan } from '../../scripts/electronegativity.mjs';

const UNSAFE = fileURLToPath(new URL('../fixtures/electronegativity/unsafe', import.meta.url));

describe('the Electronegativity gate', () => {
  it(
    'finds the dangerous window options and fails on them when they are not explained',
    { timeout: 60_000 },
    async () => {
      const findings = await scan(UNSAFE);
      const checks = findings.filter((f) => f.file === 'main.js').map((f) => `${f.severity} ${f.check}`);
      expect(checks).toEqual(
        expect.arrayContaining([
          'HIGH CONTEXT_ISOLATION_JS_CHECK',
          'MEDIUM SANDBOX_JS_CHECK',
          'MEDIUM HTTP_RESOURCES_JS_CHECK',
        ]),
      );
      expect(review(findings, []).unexplained.length).toBeGreaterThan(0);
      expect(review(findings, [{ check: 'NO_SUCH_CHECK', file: 'main.js' }]).stale).toEqual([
        { check: 'NO_SUCH_CHECK', file: 'main.js' },
      ]);
    },
  );
});
