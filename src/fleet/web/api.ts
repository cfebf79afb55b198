/** The page's calls to its fleet server: same origin, JSON, the CSRF token on every POST, French errors. */

/** A refusal from the server, with its French sentence. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

let csrf = '';

/** Remembers the CSRF token of the session. */
export function setCsrf(token: string): void {
  csrf = token;
}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      'Le serveur de flotte ne répond pas. Vérifiez la connexion puis rechargez la page.',
      0,
      'network',
    );
  }
  const json = (await res.json().catch(() => null)) as
    (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok)
    throw new ApiError(json?.error?.message ?? `HTTP ${res.status}`, res.status, json?.error?.code ?? 'http');
  return json as T;
}

/** GET a JSON resource. */
export const get = <T>(url: string): Promise<T> => call<T>('GET', url);
/** POST JSON. */
export const post = <T>(url: string, body: unknown = {}): Promise<T> => call<T>('POST', url, body);
