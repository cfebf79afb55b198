/** The fleet server's refusals: an HTTP status, a stable code and a French sentence from the `fleet` locale. */
import { getT } from '../../main/core/i18n';

/** A refusal the server answers with `{ error: { code, message } }`. */
export class FleetHttpError extends Error {
  override readonly name = 'FleetHttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A French refusal from `fleet:server.errors.<code>`. */
export function refusal(
  statusCode: number,
  code: string,
  params: Record<string, unknown> = {},
): FleetHttpError {
  return new FleetHttpError(
    statusCode,
    code,
    String(getT('fr')(`fleet:server.errors.${code}`, params as never)),
  );
}
