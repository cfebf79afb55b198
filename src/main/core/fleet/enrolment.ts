/**
 * This computer's enrolment with a fleet server, kept beside the workspace in `fleet/enrolment.json`
 * (readable by its owner only: it holds the machine's secret), and the outbox of reports waiting
 * to be sent.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** What is saved at enrolment. */
export const enrolmentSchema = z.object({
  url: z.string().url(),
  machineId: z.string().min(1).max(100),
  secret: z.string().min(20).max(200),
  site: z.string().max(500),
  joinedAt: z.string(),
  lastSentAt: z.string().nullable().default(null),
});
/** This computer's enrolment. */
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** The fleet folder inside a workspace folder. */
export const fleetDir = (home: string): string => join(home, 'fleet');

/** Writes a file atomically (temp + rename): a crash leaves the old file or the new one, never half of one. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}

/** Reads the enrolment; null when this computer never joined (or the file is unreadable). */
export async function readEnrolment(home: string): Promise<Enrolment | null> {
  let text: string;
  try {
    text = await readFile(join(fleetDir(home), 'enrolment.json'), 'utf8');
  } catch {
    return null;
  }
  const parsed = enrolmentSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** Saves the enrolment (owner-only permissions). */
export async function saveEnrolment(home: string, enrolment: Enrolment): Promise<void> {
  await mkdir(fleetDir(home), { recursive: true, mode: 0o700 });
  const file = join(fleetDir(home), 'enrolment.json');
  await writeAtomic(file, JSON.stringify(enrolment, null, 2) + '\n');
  await chmod(file, 0o600).catch(() => undefined);
}
