/** Test helpers for the Linux probes: the fixtures folder and the real capture of this Debian. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CaptureEntry } from '../../exec/capture';

/** tests/fixtures/linux. */
export const LINUX_FIXTURES = join(import.meta.dirname, '../../../../../tests/fixtures/linux');

/** The real capture of this machine, committed as a fixture. */
export const DEBIAN_CAPTURE = join(LINUX_FIXTURES, 'debian-12-capture');

/** Reads a fixture file as text. */
export function fixture(relative: string): string {
  return readFileSync(join(LINUX_FIXTURES, relative), 'utf8');
}

/** The stdout (or content) of one entry of the Debian capture, read from its side file when it has one. */
export function capturedOutput(kind: CaptureEntry['kind'], key: string): string {
  const entries = JSON.parse(readFileSync(join(DEBIAN_CAPTURE, 'entries.json'), 'utf8')) as CaptureEntry[];
  const e = entries.find((x) => x.kind === kind && x.key === key);
  if (!e) throw new Error(`not in the capture: ${kind} ${key}`);
  const file = e.stdoutFile ?? e.contentFile;
  if (file) return readFileSync(join(DEBIAN_CAPTURE, file), 'utf8');
  return e.stdout ?? e.content ?? '';
}
