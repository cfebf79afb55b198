/** The store's notices (damaged carnet restored or reset, newer version, migrated) told on the terminal. */
import type { Lang } from '../../shared/i18n';
import { getT } from '../core/i18n';
import type { WorkspaceStore } from '../core/workspace/store';
import type { CliIo } from './io';

/** Prints each notice of the store on stderr, in `lang`, with where a damaged file was set aside. */
export function printNotices(store: Pick<WorkspaceStore, 'notices'>, lang: Lang, io: CliIo): void {
  const t = getT(lang);
  for (const notice of store.notices) {
    io.err(`${t(`hardening:cli.notices.${notice.kind}`)}\n`);
    if (notice.setAside) io.err(`${t('hardening:cli.notices.setAside', { path: notice.setAside })}\n`);
  }
}

/** Whether this run started a new, empty carnet because the old one was damaged. */
export const carnetWasReset = (store: Pick<WorkspaceStore, 'notices'>): boolean =>
  store.notices.some((n) => n.kind === 'reset-corrupted');
