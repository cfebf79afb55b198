/**
 * Electronegativity (Doyensec's Electron security scanner) over src/, in `npm test`.
 * Fails when a finding above LOW is not explained in security/electronegativity-allow.json,
 * or when an entry there no longer matches any finding (the list stays true).
 *
 * Run offline: the scanner's CLI fetches translations and Electron's release list from the
 * network; here its translation loader is replaced by the local English files it ships, and
 * the release check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is left out — Electron's version is
 * pinned in package.json and upgraded on purpose.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).devDependencies
  .electron;

/** The scanner's i18n set up from its own files, without a network request. */
function offlineI18n() {
  const path = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = require('i18n');
  const init = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(path),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[path] = { id: path, filename: path, loaded: true, exports: init };
}

/** Runs the scanner; returns its findings as plain objects. */
export async function scan(input = join(REPO, 'src')) {
  offlineI18n();
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const result = await run(
    {
      input,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: ELECTRON_VERSION,
      parserPlugins: [],
    },
    false,
  );
  return result.issues.map((i) => ({
    check: i.id,
    file: i.file,
    line: i.location?.line ?? 0,
    severity: i.severity.name,
    confidence: i.confidence.name,
    description: i.description,
  }));
}

/** Compares findings above LOW with the reviewed allow-list. */
export function review(findings, allow) {
  const above = findings.filter((f) => f.severity === 'MEDIUM' || f.severity === 'HIGH');
  const matches = (a, f) => a.check === f.check && a.file === f.file;
  const unexplained = above.filter((f) => !allow.some((a) => matches(a, f)));
  const stale = allow.filter((a) => !above.some((f) => matches(a, f)));
  return { above, unexplained, stale };
}

async function main() {
  const allow = JSON.parse(readFileSync(join(REPO, 'security/electronegativity-allow.json'), 'utf8')).allowed;
  const findings = await scan();
  const { above, unexplained, stale } = review(findings, allow);
  console.log(
    `electronegativity: ${findings.length} finding(s), ${above.length} above LOW, ${above.length - unexplained.length} explained in security/electronegativity-allow.json`,
  );
  for (const f of unexplained)
    console.error(`  NOT EXPLAINED ${f.severity} ${f.check} ${f.file}:${f.line} — ${f.description}`);
  for (const a of stale)
    console.error(`  STALE allow-list entry (no such finding any more): ${a.check} ${a.file}`);
  if (unexplained.length > 0 || stale.length > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
