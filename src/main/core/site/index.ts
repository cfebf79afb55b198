/**
 * The website capability (issue 13): the owner's sites in the workspace, checked from their public
 * pages through the Host, each check kept with the site and its changes written in the logbook
 * (« WordPress mis à jour le … »). `service.ts` only composes this API.
 */
import { randomUUID } from 'node:crypto';
import type { Lang } from '../../../shared/i18n';
import type { SiteReport } from '../../../shared/site';
import type { HistoryEntry, Workspace } from '../../../shared/workspace';
import type { Host } from '../exec/host';
import { getT } from '../i18n';
import type { WorkspaceStore } from '../workspace/store';
import { APP_VERSION } from '../version';
import { SiteAddressError, localSitesAllowed, parseSiteAddress } from './address';
import { checkSite } from './check';

export { checkSite } from './check';
export { SiteAddressError, parseSiteAddress } from './address';

/** What the site API needs from the service. */
export interface SiteContext {
  readonly host: Host;
  readonly store: WorkspaceStore;
  readonly now: () => Date;
  readonly user: string;
  langOf(requested?: Lang): Lang;
}

/** Options (tests): trusted authorities, loopback allowed. */
export interface SiteApiOptions {
  readonly ca?: readonly string[];
  readonly allowLocal?: boolean;
}

/** The site API. */
export interface SiteApi {
  /** Adds a site by its address; refuses a bad address with a sentence in the owner's language. */
  add(args: { url: string; lang?: Lang }): Promise<Workspace>;
  remove(id: string): Promise<Workspace>;
  /** Checks every site (or one), keeps each report and logs what changed. */
  checkAll(args: { id?: string; lang?: Lang }): Promise<Workspace>;
}

/** The history entries a new check adds: software or server-language version changes. */
export function siteChanges(
  previous: SiteReport | undefined,
  next: SiteReport,
  user: string,
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const host = new URL(next.url).hostname;
  const changed = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a !== b;
  const entry = (name: string, from: string, to: string): HistoryEntry => ({
    at: next.checkedAt,
    kind: 'device',
    by: user,
    summary: `site ${host}: ${name} ${from} -> ${to}`,
    key: 'site:history.updated',
    params: { name, from, to, host, date: next.checkedAt },
  });
  const [before, after] = [previous?.software, next.software];
  if (changed(before?.version, after?.version) && before?.product === after?.product) {
    out.push(entry(after!.name, before!.version!, after!.version!));
  }
  if (changed(previous?.language?.version, next.language?.version)) {
    out.push(entry('PHP', previous!.language!.version, next.language!.version));
  }
  return out;
}

/** Creates the site API over the service's context. */
export function createSiteApi(context: SiteContext, options: SiteApiOptions = {}): SiteApi {
  const allowLocal = options.allowLocal ?? localSitesAllowed();
  return {
    async add({ url, lang }) {
      let parsed: URL;
      try {
        parsed = parseSiteAddress(url, allowLocal);
      } catch (error) {
        if (error instanceof SiteAddressError)
          throw new Error(getT(context.langOf(lang))(`site:address.${error.problem}`), { cause: error });
        throw error;
      }
      return context.store.update((ws) => {
        const sites = (ws.sites ??= []);
        const address = parsed.toString();
        if (sites.some((s) => s.url === address)) return;
        sites.push({ id: randomUUID(), url: address, addedAt: context.now().toISOString() });
        ws.history.push({
          at: context.now().toISOString(),
          kind: 'device',
          by: context.user,
          summary: `site added: ${parsed.hostname}`,
          key: 'site:history.added',
          params: { host: parsed.hostname },
        });
      });
    },
    remove: (id) =>
      context.store.update((ws) => {
        ws.sites = (ws.sites ?? []).filter((s) => s.id !== id);
      }),
    async checkAll({ id, lang }) {
      const targets = (context.store.read().sites ?? []).filter((s) => !id || s.id === id);
      const reports = new Map<string, SiteReport>();
      // One site at a time: a site check is at most 10 requests, and owners have one or two sites.
      for (const site of targets) {
        reports.set(
          site.id,
          await checkSite(site.url, {
            host: context.host,
            now: context.now(),
            lang: context.langOf(lang),
            appVersion: APP_VERSION,
            allowLocal,
            ...(options.ca ? { ca: options.ca } : {}),
          }),
        );
      }
      if (context.store.readOnly) return context.store.read();
      return context.store.update((ws) => {
        for (const site of ws.sites ?? []) {
          const report = reports.get(site.id);
          if (!report) continue;
          ws.history.push(...siteChanges(site.last as SiteReport | undefined, report, context.user));
          site.last = report as unknown as Record<string, unknown>;
        }
      });
    },
  };
}
