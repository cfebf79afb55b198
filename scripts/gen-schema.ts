/**
 * Writes docs/checkup-report.schema.json, the JSON Schema of `revision checkup --json`,
 * generated from the zod schema (src/shared/checkup.ts) so the two never drift apart.
 * Run: npx tsx scripts/gen-schema.ts   (tests/unit/checkup-report-schema.test.ts checks it is current)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CHECKUP_SCHEMA_VERSION, checkupReportSchema } from '../src/shared/checkup';

/** Where the published schema lives. */
export const SCHEMA_PATH = join(import.meta.dirname, '..', 'docs', 'checkup-report.schema.json');

/** The schema file's text, exactly as committed. */
export function renderCheckupReportSchema(): string {
  const schema = {
    ...z.toJSONSchema(checkupReportSchema, { target: 'draft-2020-12' }),
    $id: `https://revision.example/schemas/checkup-report-v${CHECKUP_SCHEMA_VERSION}.json`,
    title: 'Révision checkup report',
    description: 'Output of `revision checkup --json` (generated from src/shared/checkup.ts by scripts/gen-schema.ts; do not edit by hand).',
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_PATH, renderCheckupReportSchema(), 'utf8');
  process.stdout.write(`écrit : ${SCHEMA_PATH}\n`);
}
