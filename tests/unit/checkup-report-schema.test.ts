/** The published JSON Schema of `revision checkup --json` is current and accepts a real report. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, renderCheckupReportSchema } from '../../scripts/gen-schema';
import { runCheckup } from '../../src/main/core/checkup/run-checkup';
import { createReplayHost, loadCapture } from '../../src/main/core/exec/capture';
import { checkupReportSchema } from '../../src/shared/checkup';

describe('docs/checkup-report.schema.json', () => {
  it('is up to date with the zod schema (run `npx tsx scripts/gen-schema.ts` if not)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderCheckupReportSchema());
  });
  it('accepts the report of a real checkup and rejects a broken one', async () => {
    const capture = await loadCapture(new URL('../fixtures/linux/debian-12-capture', import.meta.url).pathname);
    const report = JSON.parse(JSON.stringify(await runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now!) }))) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(checkupReportSchema.safeParse(report).success).toBe(true);
    expect(validate({ ...report, findings: [{ id: 'x', state: 'vert' }] })).toBe(false);
  });
});
