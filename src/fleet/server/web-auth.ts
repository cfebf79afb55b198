/**
 * Sessions of the web page: an HttpOnly, SameSite=Strict cookie (Secure over HTTPS, direct or
 * behind a proxy), and a CSRF token that every state-changing request must echo in a header.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsStore } from '../storage/accounts-store';
import { SESSION_MS } from '../storage/accounts-store';
import { refusal } from './errors';

/** The session cookie's name. */
export const SESSION_COOKIE = 'revision_fleet';
/** The header that carries the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Reads one cookie from the Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

/** The Set-Cookie value of a session (or of its removal when token is null). */
export function sessionCookie(token: string | null, secure: boolean): string {
  const attrs = [
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    token ? `Max-Age=${SESSION_MS / 1000}` : 'Max-Age=0',
  ];
  if (secure) attrs.push('Secure');
  return `${SESSION_COOKIE}=${token ?? ''}; ${attrs.join('; ')}`;
}

/** The signed-in user of a request, or a 401 refusal; POSTs also need the CSRF token. */
export async function requireSession(
  request: FastifyRequest,
  accounts: AccountsStore,
  now: number,
): Promise<{ user: string; csrf: string; token: string }> {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  const session = token ? await accounts.session(token, now) : null;
  if (!token || !session) throw refusal(401, 'needLogin');
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers[CSRF_HEADER] !== session.csrf)
    throw refusal(403, 'csrf');
  return { ...session, token };
}

/** Refuses a cross-site request: when the browser says where it comes from, it must be this server. */
export function requireSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.host}`) throw refusal(403, 'csrf');
}

/** Sets the session cookie on a reply. */
export function setSession(reply: FastifyReply, request: FastifyRequest, token: string | null): void {
  reply.header('Set-Cookie', sessionCookie(token, request.protocol === 'https'));
}
