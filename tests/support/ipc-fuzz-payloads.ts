/**
 * Random IPC payloads for the fuzz test (src/main/ipc-fuzz.test.ts): pure garbage, and valid
 * calls with one part mutated (a wrong type, a hostile string, a missing or extra key). Every
 * value is one Electron's IPC can carry (structured clone: no functions or symbols).
 */
import { deviceKinds, schedules, softwareCategories } from '../../src/shared/workspace';

/** A small seeded generator (mulberry32): the same seed gives the same payloads. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids valid calls need: a device, a program and a pending plan of the workspace under test. */
export interface SeedContext {
  readonly deviceId: string;
  readonly softwareId: string;
  readonly planId: string;
  readonly planSha256: string;
}

/** Valid argument lists of each known channel; a channel added later gets generic ones (still fuzzed). */
export function seedsFor(channel: string, c: SeedContext): unknown[][] {
  const known: Record<string, unknown[][]> = {
    'checkup:run': [[{}], [{ lang: 'fr' }]],
    'workspace:update': [
      [{ company: { name: 'Transports Dubois' } }],
      [{ provider: { name: 'Kevin', email: 'kevin@exemple.fr', phone: '01 02 03 04 05' } }],
      [{ settings: { lang: 'fr', schedule: 'night', thisComputerIsServer: true } }],
      [{ onboarded: true }],
    ],
    'devices:add': [
      [{ kind: 'iphone', name: 'iPhone de Léa' }],
      [{ kind: 'server', name: 'NAS', schedule: 'night', notes: 'au bureau' }],
    ],
    'devices:update': [
      [c.deviceId, { name: 'Serveur' }],
      [c.deviceId, { schedule: 'weekend' }],
    ],
    'devices:remove': [[c.deviceId]],
    'devices:tickStep': [
      [{ deviceId: c.deviceId, stepId: 'auto-updates', done: true }],
      [{ deviceId: c.deviceId, stepId: 'auto-updates', done: false }],
    ],
    'missions:tick': [
      [{ taskId: 'expert.monthly-review', done: true }],
      [{ taskId: 'expert.monthly-review', done: false }],
    ],
    'software:upsert': [
      [{ name: 'Sage 100', category: 'comptabilite' }],
      [
        {
          id: c.softwareId,
          name: 'EBP',
          version: '13.2',
          category: 'stock',
          vendor: 'EBP',
          vendorContact: '01 00 00 00 00',
          critical: true,
          detected: false,
          lastTestedAt: '2026-03-02',
        },
      ],
      [{ id: c.softwareId, name: 'EBP', category: 'stock', lastTestedAt: '2026-03-02T10:00:00.000Z' }],
    ],
    'software:remove': [[c.softwareId]],
    'autoUpdates:plan': [[{}], [{ schedule: 'night', lang: 'fr' }]],
    'autoUpdates:apply': [[{ planId: c.planId, sha256: c.planSha256, lang: 'fr' }]],
    'autoUpdates:undo': [[{}], [{ changeId: 'c1', lang: 'en' }]],
    'programUpdates:plan': [[{}], [{ all: true, lang: 'fr' }], [{ programIds: ['dpkg:firefox-esr'] }]],
    'programUpdates:apply': [[{ planId: c.planId, sha256: c.planSha256, lang: 'fr' }]],
    'report:exportPdf': [[{}], [{ lang: 'en' }]],
    'report:email': [[{}], [{ lang: 'fr' }]],
    'shell:openExternal': [
      ['https://cyber.gouv.fr/'],
      ['mailto:kevin@exemple.fr?subject=Carnet&body=Bonjour'],
    ],
  };
  return known[channel] ?? [[], [{}], [{ lang: 'fr' }]];
}

/** Strings that have broken apps before: empty, reserved keys, scripts, paths, huge, control characters. */
const hostile = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'vbscript:x',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '\u0000',
  '\u202Egnp.exe',
  '😀'.repeat(40),
  'x'.repeat(101),
  'x'.repeat(501),
  'x'.repeat(10_001),
  '2026-13-45',
  '2026-02-30T25:61:00Z',
  '2026-03-02',
  '2026-03-02T10:00:00Z',
  'a'.repeat(64),
  'mailto:k@exemple.fr?attach=/etc/shadow',
  'mailto:k@exemple.fr?subject=a&body=b',
  'https://user:pw@exemple.fr/',
  'https://exemple.fr/',
  'http://exemple.fr/',
  'file:///etc/passwd',
  ...deviceKinds,
  ...schedules,
  ...softwareCategories,
  'fr',
  'en',
  'de',
];

/**
 * Sets an own data property, even `__proto__`: what a payload deserialised by IPC (structured
 * clone) holds. A plain assignment to `__proto__` would change the prototype instead, which no
 * payload crossing IPC can do.
 */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

/** Any value IPC can carry, nested up to `depth`. */
export function garbage(next: () => number, depth = 3): unknown {
  const r = next();
  if (depth <= 0 || r < 0.45) {
    return pick(next, [
      undefined,
      null,
      true,
      false,
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 53,
      Math.floor(next() * 1e6),
      pick(next, hostile),
      pick(next, hostile),
      new Date(Math.floor(next() * 4e12)),
      new Uint8Array([1, 2, 3]),
    ]);
  }
  if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => garbage(next, depth - 1));
  if (r < 0.65) return new Map([[pick(next, hostile), garbage(next, depth - 1)]]);
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i -= 1) {
    const key = pick(next, [
      'name',
      'id',
      'lang',
      'kind',
      'done',
      'taskId',
      'deviceId',
      'planId',
      ...hostile.slice(0, 12),
    ]);
    setOwn(object, key, garbage(next, depth - 1));
  }
  return object;
}

/** Changes one part of a structure: another value, a removed key, an extra key, or a new array length. */
function mutate(next: () => number, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    return next() < 0.6 ? pick(next, hostile) : garbage(next, 2);
  }
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    const r = next();
    if (r < 0.15) copy.push(garbage(next, 1));
    else if (r < 0.25) copy.pop();
    else if (copy.length > 0) {
      const i = Math.floor(next() * copy.length);
      copy[i] = mutate(next, copy[i]);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const r = next();
  if (r < 0.15 || keys.length === 0)
    setOwn(copy, pick(next, ['extra', '__proto__', 'constructor', 'id', 'lastTestedAt']), garbage(next, 1));
  else if (r < 0.3) delete copy[pick(next, keys)];
  else {
    const key = pick(next, keys);
    copy[key] = mutate(next, copy[key]);
  }
  return copy;
}

/**
 * One argument list: a valid seed mutated once or twice (most of the time), or garbage.
 * `mutations` 0 returns a valid seed as it is (for forged-sender calls).
 */
export function fuzzPayload(next: () => number, seeds: readonly unknown[][], mutations?: number): unknown[] {
  const seed = structuredClone(pick(next, seeds));
  if (mutations === 0) return seed;
  const r = next();
  if (r < 0.2) return Array.from({ length: Math.floor(next() * 3) }, () => garbage(next));
  if (r < 0.3) return seed; // Valid calls too: the core must handle them all.
  let args: unknown = seed;
  for (let i = mutations ?? 1 + Math.floor(next() * 2); i > 0; i -= 1) args = mutate(next, args);
  return Array.isArray(args) ? args : [args];
}
