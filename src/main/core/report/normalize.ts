/** Texts and saved checkups made safe to print: control characters dropped, damaged or older files normalised. */
import type { CheckupReport, Finding, FindingState } from '../../../shared/checkup';
import type { Workspace } from '../../../shared/workspace';
import { programsReportSchema } from '../../../shared/programs';

function programsField(value: unknown): { programs?: CheckupReport['programs'] } {
  const parsed = programsReportSchema.safeParse(value);
  return parsed.success ? { programs: parsed.data } : {};
}

// Control characters (NUL, tabs, escape…) pasted into a name print as empty boxes: drop them (keep line breaks).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A text without control characters (replaced by a space; line breaks kept). */
export function stripControls(text: string): string {
  return text.replace(CONTROL, ' ').replace(/ {2,}/g, ' ');
}

/** A copy of the workspace whose texts carry no control characters. */
export function withoutControlCharacters(ws: Workspace): Workspace {
  return JSON.parse(
    JSON.stringify(ws, (_key, value: unknown) => (typeof value === 'string' ? stripControls(value) : value)),
  ) as Workspace;
}

const str = (v: unknown, fallback = ''): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? fallback : String(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * A saved checkup made safe to print: last-checkup.json may come from another version of the app
 * or be damaged. Missing parts become empty, an unknown state becomes `unknown` (never ok).
 */
export function normalizeCheckup(raw: unknown): CheckupReport | null {
  const r = obj(raw);
  if (!Array.isArray(r.findings)) return null;
  const states: readonly FindingState[] = ['ok', 'attention', 'danger', 'unknown'];
  const findings = arr(r.findings).map((x) => {
    const f = obj(x);
    const state = states.includes(f.state as FindingState) ? (f.state as FindingState) : 'unknown';
    const params = Object.fromEntries(
      Object.entries(obj(f.params)).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
    ) as Record<string, string | number>;
    const finding: Finding = {
      id: str(f.id, '?'),
      state,
      title: str(f.title, str(f.id, '?')),
      detail: str(f.detail),
      action: str(f.action),
      key: str(f.key),
      params,
      fix: (str(f.fix) || 'none') as Finding['fix'],
    };
    if (f.reason !== undefined) finding.reason = str(f.reason);
    return finding;
  });
  const machine = obj(r.machine);
  const os = machine.os ? obj(machine.os) : null;
  const summary: Record<FindingState, number> = { ok: 0, attention: 0, danger: 0, unknown: 0 };
  for (const f of findings) summary[f.state] += 1;
  return {
    ...(r as unknown as CheckupReport),
    generatedAt: str(r.generatedAt),
    appVersion: str(r.appVersion, '?'),
    mode: r.mode === 'replay' ? 'replay' : 'live',
    machine: {
      os: os
        ? {
            family: (str(os.family) || 'linux') as 'linux',
            name: str(os.name),
            version: str(os.version),
            build: os.build === null || os.build === undefined ? null : str(os.build),
          }
        : null,
      hostname: machine.hostname === null || machine.hostname === undefined ? null : str(machine.hostname),
      isServer: typeof machine.isServer === 'boolean' ? machine.isServer : null,
    },
    summary,
    findings,
    inventory: {
      applications: arr(obj(r.inventory).applications).map((x) => {
        const a = obj(x);
        return {
          name: str(a.name, '?'),
          version: a.version === null || a.version === undefined ? null : str(a.version),
          publisher: a.publisher === null || a.publisher === undefined ? null : str(a.publisher),
          source: str(a.source),
          installDate: null,
        };
      }),
    },
    ...programsField(r.programs),
    probes: arr(r.probes).map((x) => {
      const p = obj(x);
      return {
        id: str(p.id, '?'),
        status: (str(p.status) || 'failed') as 'failed',
        durationMs: typeof p.durationMs === 'number' ? p.durationMs : 0,
        error: p.error === null || p.error === undefined ? null : str(p.error),
      };
    }),
    facts: obj(r.facts) as CheckupReport['facts'],
  };
}
