/**
 * `revision programs [--json]`: the programs of the last checkup with their voyant.
 * `revision programs refresh-data`: downloads newer end-of-life and exploited-flaw data into the
 * data folder (REVISION_KEV_URL / REVISION_EOL_URL override the addresses); a bad download never
 * replaces the copy in use.
 */
import { displayDate } from '../../../shared/finding-text';
import { getT } from '../../core/i18n';
import { refreshKnowledge, type KnowledgeSet } from '../../core/knowledge/refresh';
import { createService } from '../../core/service';
import { defaultWorkspaceDir } from '../../core/workspace/store';
import { voyantText } from '../../core/report/programs-section';
import { type CliCommand } from '../io';

function urlsFrom(env: Readonly<Record<string, string | undefined>>): Partial<Record<KnowledgeSet, string>> {
  return {
    ...(env.REVISION_KEV_URL ? { kev: env.REVISION_KEV_URL } : {}),
    ...(env.REVISION_EOL_URL ? { eol: env.REVISION_EOL_URL } : {}),
  };
}

/** The `programs` command. */
export const programsCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  const home = options.workspace ?? defaultWorkspaceDir(io.env);
  if (options.positionals[0] === 'refresh-data') {
    const outcomes = await refreshKnowledge({ dataDir: home, urls: urlsFrom(io.env) });
    if (options.json) io.out(JSON.stringify(outcomes, null, 2) + '\n');
    else
      for (const o of outcomes)
        io.out(
          t(`programs:cli.refresh.${o.result}`, {
            set: t(`programs:cli.sets.${o.set}`),
            date: o.date ? displayDate(o.date, options.lang) : '?',
            reason: o.reason ?? '',
          }) + '\n',
        );
    return 0;
  }
  const service = await createService({ home });
  const report = (await service.checkupLatest())?.programs;
  if (!report) {
    io.out(t('programs:cli.none') + '\n');
    return 0;
  }
  if (options.json) io.out(JSON.stringify(report, null, 2) + '\n');
  else {
    for (const p of report.programs)
      io.out(`${p.name} ${p.version ?? '?'} — ${voyantText(p, options.lang).replace(/\n/g, ' · ')}\n`);
    io.out(`${t('programs:system', { count: report.systemComponents })}.\n`);
  }
  return 0;
};
