/**
 * The « carnet d'entretien » PDF and the message to the prestataire (issue 6).
 * PLACEHOLDER: replaced by the report work; every call says plainly it is not available yet.
 */
import type { ChannelArgs, ProviderEmail } from '../../../shared/ipc';
import type { Lang } from '../../../shared/i18n';
import type { ServiceContext } from '../service';

/** The report part of the service. */
export interface ReportApi {
  writePdf(args: { path: string; lang?: Lang; overwrite?: boolean }): Promise<{ path: string; pages: number }>;
  email(args: ChannelArgs<'report:email'>[0]): Promise<ProviderEmail>;
}

export function createReportApi(_context: ServiceContext): ReportApi {
  const unavailable = async (): Promise<never> => {
    throw new Error('Cette fonction n’est pas encore disponible.');
  };
  return { writePdf: unavailable, email: unavailable };
}
