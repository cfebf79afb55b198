/**
 * What every Windows section parser shares: the scripts' JSON document, its sections, and the
 * few readers (object, array, string, number, boolean, ISO date) that never guess a value.
 * Only ISO dates, booleans, numbers and invariant enum names are read; localised text is kept for display.
 */

/** A JSON object as the scripts print it. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The document printed by the checkup script: one entry per section, or `{ error }` for a failed one. */
export interface WindowsCheckupDoc {
  readonly meta?: unknown;
  readonly identity?: unknown;
  readonly autoUpdates?: unknown;
  readonly history?: unknown;
  readonly reboot?: unknown;
  readonly defender?: unknown;
  readonly securityCenter?: unknown;
  readonly firewall?: unknown;
  readonly apps?: unknown;
}

/** The output could not be read as the script's JSON (garbage, truncated, empty). */
export class WindowsOutputError extends Error {
  override readonly name = 'WindowsOutputError';
}

/** Microsoft Update ("other Microsoft products") service id. */
export const MICROSOFT_UPDATE_SERVICE_ID = '7971f918-a847-4430-9279-4a52d1efe18d';
/** Windows Update category "Definition Updates" (antivirus signatures, many a day: not "updates installed"). */
export const DEFINITION_UPDATES_CATEGORY = 'e0789628-ce08-4437-be74-2495b842f43b';
/** Windows Update category "Security Updates". */
export const SECURITY_UPDATES_CATEGORY = '0fa1201d-4330-4fa8-8ae9-b877473b6441';

export function obj(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}
export function arr(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  // ConvertTo-Json turns a one-element array held in a variable into the element itself.
  return value === null || value === undefined ? [] : [value];
}
export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}
export function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}
/** An ISO 8601 date-time or null: localised dates ("21/03/2022 04:06:16") are refused, never guessed. */
export function isoDate(value: unknown): string | null {
  const s = str(value);
  if (!s || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The JSON the script printed: the whole output, or else its last line that is a complete JSON object
 * (ConvertTo-Json -Compress prints one line; a module may print a warning line before it).
 */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const last = text
      .split(/\r?\n/)
      .reverse()
      .find((l) => l.trim().startsWith('{'));
    if (last === undefined) throw new SyntaxError('no JSON line');
    return JSON.parse(last);
  }
}

/**
 * The JSON a script printed (BOM and blank lines ignored), or the error `fail` builds: `empty` when it
 * printed nothing, `unreadable` (with the text's length) when it is not JSON or was cut short.
 */
export function scriptJson(
  stdout: string,
  fail: (reason: 'empty' | 'unreadable', length: number) => Error,
): unknown {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') throw fail('empty', 0);
  try {
    return jsonOf(text);
  } catch {
    throw fail('unreadable', text.length);
  }
}

/** Parses the checkup script's stdout. Throws WindowsOutputError on anything but one JSON object. */
export function parseWindowsCheckupOutput(stdout: string): WindowsCheckupDoc {
  const value = scriptJson(stdout, (reason, length) =>
    reason === 'empty'
      ? new WindowsOutputError('PowerShell n’a rien renvoyé')
      : new WindowsOutputError(
          `réponse de PowerShell illisible (JSON invalide ou tronqué, ${length} caractères)`,
        ),
  );
  const doc = obj(value);
  if (!doc) throw new WindowsOutputError('réponse de PowerShell inattendue (pas un objet JSON)');
  const known = [
    'identity',
    'autoUpdates',
    'history',
    'reboot',
    'defender',
    'securityCenter',
    'firewall',
    'apps',
  ];
  if (!known.some((k) => k in doc))
    throw new WindowsOutputError('réponse de PowerShell inattendue (aucune section connue)');
  return doc as WindowsCheckupDoc;
}

/** A section's content, or the reason it is missing (the script's own error, or absence). */
export function section(
  doc: WindowsCheckupDoc,
  name: keyof WindowsCheckupDoc,
): { value: JsonObject } | { error: string } {
  const value = obj(doc[name]);
  if (!value) return { error: `section ${name} absente de la réponse` };
  const error = str(value.error);
  if (error) return { error: `${name} : ${error}` };
  return { value };
}
