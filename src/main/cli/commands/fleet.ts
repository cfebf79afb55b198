/**
 * `revision fleet …`: the fleet server's side (serve, code add, user add, machines) and this
 * computer's side (join). `revision checkup --send` lives in fleet-send.ts.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { coreFindingIds } from '../../../shared/checkup';
import { createAccountsStore } from '../../../fleet/storage/accounts-store';
import { createFleetStore } from '../../../fleet/storage/fleet-store';
import { openFleetDb } from '../../../fleet/storage/open';
import { FleetDbError, type SqlDb } from '../../../fleet/storage/sql';
import { createFleetClientApi, FleetClientError } from '../../core/fleet';
import { getT } from '../../core/i18n';
import { defaultWorkspaceDir } from '../../core/workspace/store';
import { CliError, type CliCommand, type CliIo, type CliOptions } from '../io';
import { STATE_SYMBOLS } from './checkup';
import { fleetServe } from './fleet-serve';

/** The parseArgs options the fleet commands add. */
export const fleetOptions = {
  port: { type: 'string' },
  data: { type: 'string' },
  database: { type: 'string' },
  host: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  contact: { type: 'string' },
  send: { type: 'boolean', default: false },
} as const;

/** Opens the fleet's database from --data / --database (default data folder: the workspace's `fleet-server`). */
export async function openFromOptions(options: CliOptions, io: CliIo): Promise<SqlDb> {
  const f = options.fleet;
  try {
    return await openFleetDb({
      databaseUrl: f?.database ?? io.env.REVISION_FLEET_DATABASE,
      dataDir: resolve(
        f?.data ?? io.env.REVISION_FLEET_DATA ?? resolve(defaultWorkspaceDir(io.env), 'fleet-server'),
      ),
    });
  } catch (error) {
    if (error instanceof FleetDbError) throw new CliError(error.message, 1);
    throw error;
  }
}

async function withDb<T>(options: CliOptions, io: CliIo, fn: (db: SqlDb) => Promise<T>): Promise<T> {
  const db = await openFromOptions(options, io);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function need(value: string | undefined, what: string, t: TFunction): string {
  if (!value) throw new CliError(String(t('fleet:cli.missingArg', { what, usage: t('fleet:cli.usage') })), 2);
  return value;
}

async function machines(options: CliOptions, io: CliIo, t: TFunction): Promise<number> {
  const list = await withDb(options, io, (db) => createFleetStore(db).machines({ limit: 50_000 }));
  if (options.json) {
    io.out(JSON.stringify(list.machines, null, 2) + '\n');
    return 0;
  }
  if (list.total === 0) io.out(t('fleet:cli.machinesNone') + '\n');
  for (const m of list.machines) {
    const voyants = coreFindingIds.map((id) => (m.states[id] ? STATE_SYMBOLS[m.states[id]] : '·')).join(' ');
    const last =
      m.lastReportAt === null
        ? t('fleet:cli.never')
        : new Date(m.lastReportAt).toISOString().replace('T', ' ').slice(0, 16);
    io.out(t('fleet:cli.machineLine', { site: m.site, host: m.hostname ?? m.id, last, voyants }) + '\n');
  }
  return 0;
}

async function userAdd(name: string, options: CliOptions, io: CliIo, t: TFunction): Promise<number> {
  const password = (await io.readSecret?.(String(t('fleet:cli.passwordPrompt', { name })))) ?? '';
  if (password.length < 10) throw new CliError(String(t('fleet:cli.passwordTooShort')), 2);
  await withDb(options, io, async (db) => {
    const accounts = createAccountsStore(db);
    await accounts.setUser(name, password);
    await accounts.audit(null, 'user.add', name);
  });
  io.out(t('fleet:cli.userAdded', { name }) + '\n');
  return 0;
}

async function join(
  url: string,
  code: string,
  options: CliOptions,
  io: CliIo,
  t: TFunction,
): Promise<number> {
  const home = options.workspace ? resolve(options.workspace) : defaultWorkspaceDir(io.env);
  try {
    const e = await createFleetClientApi({ home }).join(url, code, hostname());
    io.out(t('fleet:cli.joined', { url: e.url, site: e.site }) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof FleetClientError) {
      throw new CliError(
        error.kind === 'bad-url' ? String(t('fleet:cli.badUrl', { url })) : error.message,
        error.kind === 'unreachable' ? 1 : 2,
      );
    }
    throw error;
  }
}

/** Runs `revision fleet …`. */
export const fleetCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  const [sub, a, b] = options.positionals;
  if (options.help || !sub) {
    io.out(t('fleet:cli.usage') + '\n');
    return sub ? 0 : 2;
  }
  switch (sub) {
    case 'serve':
      return fleetServe(options, io, t);
    case 'code': {
      if (a !== 'add')
        throw new CliError(String(t('fleet:cli.unknownSub', { sub: `code ${a ?? ''}`.trim() })), 2);
      const site = need(b, 'SITE', t);
      const { code } = await withDb(options, io, (db) =>
        createFleetStore(db).addEnrolmentCode(site, options.fleet?.contact ?? null),
      );
      io.out(t('fleet:cli.codeAdded', { site, code }) + '\n');
      return 0;
    }
    case 'user':
      if (a !== 'add')
        throw new CliError(String(t('fleet:cli.unknownSub', { sub: `user ${a ?? ''}`.trim() })), 2);
      return userAdd(need(b, 'NOM', t), options, io, t);
    case 'machines':
      return machines(options, io, t);
    case 'audit': {
      const entries = await withDb(options, io, (db) => createAccountsStore(db).auditLog(1000));
      if (options.json) io.out(JSON.stringify(entries, null, 2) + '\n');
      else for (const e of entries) io.out(`${new Date(e.at).toISOString()}  ${e.action}  ${e.actor ?? '-'}  ${e.detail ?? ''}\n`);
      return 0;
    }
    case 'join':
      return join(need(a, 'URL', t), need(b, 'CODE', t), options, io, t);
    default:
      throw new CliError(String(t('fleet:cli.unknownSub', { sub })), 2);
  }
};
