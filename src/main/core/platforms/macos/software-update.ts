/**
 * What macOS says about its own updates: `softwareupdate -l` (pending updates and, for each, whether
 * it installs during a restart) in both the current (`* Label:` / `Title: …, Action: restart,`) and the
 * older (`* name` / `title (version), size [recommended] [restart]`) layouts, and the evidence that
 * Software Update actually runs (the `Last…SuccessfulDate` keys of com.apple.SoftwareUpdate).
 */
import type {
  AutoUpdateFacts,
  PendingUpdate,
  PendingUpdatesFacts,
  RebootFacts,
} from '../../../../shared/facts';
import type { OldStyleValue } from './old-style-plist';

/** The reboot signal macOS gives: a pending update that installs during a restart. */
export const MACOS_RESTART_SIGNAL = 'softwareupdate -l Action: restart';

/** `softwareupdate -l` could not be read. */
export class SoftwareUpdateListError extends Error {
  override readonly name = 'SoftwareUpdateListError';
}

/** One pending update; `restartRequired` is null when its line says nothing readable about it. */
interface ListedUpdate {
  readonly name: string;
  readonly version: string | null;
  readonly restart: boolean | null;
}

/** Reads one item's block (its label line and the indented lines that follow it). */
function readItem(label: string, block: readonly string[]): ListedUpdate {
  const text = block.join(' ');
  const current = /Title:\s*([^,]+)/.exec(text);
  if (current) {
    const version = /Version:\s*([^,]+)/.exec(text)?.[1]?.trim() ?? null;
    // "Action: restart" or "Action: shut down" (firmware): installed only while the Mac restarts.
    const restart = /Action:\s*(restart|shut\s*down)/i.test(text);
    return { name: current[1]!.trim(), version, restart };
  }
  // "Safari (13.1.2), 67430K [recommended]" (10.14) or "AirPort Software, 4.1, 13880K [recommended] [restart]" (man page).
  const old = /^\s*(.+?)(?:\s*\(([^)]*)\)|,\s*([^,]+)),\s*\d+K\b/.exec(block[0] ?? '');
  if (old) {
    const version = (old[2] ?? old[3] ?? '').trim() || null;
    return { name: old[1]!, version, restart: /\[restart\]|\[shut ?down\]/i.test(text) };
  }
  return { name: label, version: null, restart: null };
}

/** The items listed by `softwareupdate -l`, with their blocks. */
function listItems(output: string): ListedUpdate[] {
  const items: ListedUpdate[] = [];
  const lines = output.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const label = /^\s*\*\s*(?:Label:\s*)?(.+?)\s*$/.exec(lines[i]!)?.[1];
    if (!label) continue;
    const block: string[] = [];
    for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j]!) && !/^\s*\*/.test(lines[j]!); j += 1)
      block.push(lines[j]!);
    // Configuration data (XProtect, Gatekeeper), listed only with --include-config-data: not an update to install.
    if (!/ConfigData/i.test(label)) items.push(readItem(label, block));
  }
  return items;
}

/** Every macOS and Safari update, and every security response, carries security fixes (Apple security releases). */
function isSecurity(title: string): boolean {
  return /^(macOS|Mac OS X|OS X|Safari|Security|Background Security|Rapid Security)/i.test(title);
}

/**
 * `softwareupdate -l` (stdout and stderr together) → pending updates and the restart they will need.
 * `reboot` is null when an update's restart need could not be read: the restart voyant is then unknown.
 */
export function parseSoftwareUpdateList(output: string): {
  pending: PendingUpdatesFacts;
  reboot: RebootFacts | null;
} {
  const noUpdates = /No new software available/i.test(output);
  const listed = /found the following new or updated software/i.test(output);
  const found = listItems(output);
  if (!noUpdates && found.length === 0) {
    throw new SoftwareUpdateListError(
      'softwareupdate -l : réponse sans liste ni « No new software available »',
    );
  }
  if (listed && found.length === 0)
    throw new SoftwareUpdateListError('softwareupdate -l : liste annoncée mais illisible');
  const items: PendingUpdate[] = found.map((u) => ({
    name: u.name,
    version: u.version,
    security: isSecurity(u.name),
    // A macOS update whose line is unreadable still installs during a restart: every one does.
    restartRequired: u.restart ?? /^macOS/i.test(u.name),
  }));
  const restartItems = items.filter((i) => i.restartRequired);
  const unreadable = found.some((u) => u.restart === null && !/^macOS/i.test(u.name));
  return {
    pending: {
      total: items.length,
      security: items.filter((i) => i.security).length,
      items,
      source: 'softwareupdate -l',
    },
    // macOS installs these updates during the restart: a pending "restart" update is the only signal,
    // and a weak one (it is waiting to install, not installed).
    reboot: unreadable
      ? null
      : {
          required: restartItems.length > 0,
          signals: [{ name: MACOS_RESTART_SIGNAL, present: restartItems.length > 0, weak: true }],
          causes: restartItems.map((i) => i.name),
        },
  };
}

/** The keys of com.apple.SoftwareUpdate that date a successful check, newest evidence first in meaning. */
const RUN_KEYS = ['LastBackgroundSuccessfulDate', 'LastSuccessfulDate', 'LastFullSuccessfulDate'] as const;

/** A `defaults read` date ("2024-08-09 14:14:38 +0000") as ISO, or null. */
export function plistDate(value: OldStyleValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const zone = !m[3] || m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const t = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Keys Software Update writes when it tries a check, successful or not. */
const ATTEMPT_KEYS = [
  'LastAttemptSystemVersion',
  'LastAttemptBuildVersion',
  'LastResultCode',
  'LastSessionSuccessful',
];

/**
 * Evidence that Software Update ran: the newest of its `Last…SuccessfulDate` keys; `null` when the file
 * records attempts but no success; absent (not read) when it holds no trace at all (a file never written
 * by Software Update, or trimmed); and whether its background schedule is on (`softwareupdate --schedule`).
 */
export function macosUpdateRuns(
  local: OldStyleValue | null,
  scheduleOn: boolean | null,
): Pick<AutoUpdateFacts, 'lastRunAt' | 'lastRunSource' | 'schedulerRunning'> {
  const dict =
    local && typeof local === 'object' && !Array.isArray(local)
      ? (local as Readonly<Record<string, OldStyleValue>>)
      : null;
  const dates = RUN_KEYS.map((key) => ({ key, date: plistDate(dict?.[key]) }))
    .filter((d): d is { key: (typeof RUN_KEYS)[number]; date: string } => d.date !== null)
    .sort((a, b) => b.date.localeCompare(a.date));
  const newest = dates[0];
  if (newest) {
    return {
      lastRunAt: newest.date,
      lastRunSource: `/Library/Preferences/com.apple.SoftwareUpdate ${newest.key}`,
      schedulerRunning: scheduleOn,
    };
  }
  const attempted = dict !== null && ATTEMPT_KEYS.some((k) => k in dict);
  return attempted
    ? { lastRunAt: null, lastRunSource: null, schedulerRunning: scheduleOn }
    : { schedulerRunning: scheduleOn };
}
