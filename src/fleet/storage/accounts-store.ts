/** Accounts of the people who watch the fleet, their sessions, and the audit log (logins, exports, refusals). */
import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { num, type SqlDb } from './sql';
import { sha256 } from './enrolment-store';

// scrypt, memory-hard: N=2^15, r=8 → 32 MiB per hash.
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, SCRYPT, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** Hashes a password: `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Checks a password against its stored hash (constant-time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, , , , salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Sessions last 12 hours. */
export const SESSION_MS = 12 * 3_600_000;

/** One audit entry. */
export interface AuditEntry {
  readonly at: number;
  readonly actor: string | null;
  readonly action: string;
  readonly detail: string | null;
}

/** Creates the accounts store. */
export function createAccountsStore(db: SqlDb) {
  return {
    /** Creates or replaces an account's password. */
    async setUser(name: string, password: string, now = Date.now()): Promise<void> {
      const hash = await hashPassword(password);
      await db.run(
        'INSERT INTO users (name, password_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash',
        [name, hash, now],
      );
    },
    /** Whether the name and password match an account. */
    async checkPassword(name: string, password: string): Promise<boolean> {
      const row = (
        await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE name = $1', [name])
      )[0];
      // Hash anyway when the name is unknown, so timing does not tell which names exist.
      if (!row) return verifyPassword(password, 'scrypt$0$0$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA').then(() => false);
      return verifyPassword(password, row.password_hash);
    },
    /** Opens a session: returns the cookie value and its CSRF token (only the cookie's hash is stored). */
    async openSession(user: string, now = Date.now()): Promise<{ token: string; csrf: string }> {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(24).toString('base64url');
      await db.run('DELETE FROM sessions WHERE expires_at < $1', [now]);
      await db.run('INSERT INTO sessions (id_hash, user_name, csrf, expires_at) VALUES ($1, $2, $3, $4)', [
        sha256(token),
        user,
        csrf,
        now + SESSION_MS,
      ]);
      return { token, csrf };
    },
    /** The live session of a cookie value, or null. */
    async session(token: string, now = Date.now()): Promise<{ user: string; csrf: string } | null> {
      const row = (
        await db.query('SELECT user_name, csrf, expires_at FROM sessions WHERE id_hash = $1', [sha256(token)])
      )[0];
      if (!row || (num(row.expires_at) ?? 0) < now) return null;
      return { user: String(row.user_name), csrf: String(row.csrf) };
    },
    /** Closes a session. */
    async closeSession(token: string): Promise<void> {
      await db.run('DELETE FROM sessions WHERE id_hash = $1', [sha256(token)]);
    },
    /** Appends to the audit log. */
    async audit(
      actor: string | null,
      action: string,
      detail: string | null = null,
      now = Date.now(),
    ): Promise<void> {
      await db.run('INSERT INTO audit (id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5)', [
        randomUUID(),
        now,
        actor,
        action,
        detail,
      ]);
    },
    /** The newest audit entries. */
    async auditLog(limit = 200): Promise<AuditEntry[]> {
      const rows = await db.query('SELECT at, actor, action, detail FROM audit ORDER BY at DESC LIMIT $1', [
        limit,
      ]);
      return rows.map((r) => ({
        at: num(r.at) ?? 0,
        actor: r.actor === null ? null : String(r.actor),
        action: String(r.action),
        detail: r.detail === null ? null : String(r.detail),
      }));
    },
  };
}

/** The accounts store's API. */
export type AccountsStore = ReturnType<typeof createAccountsStore>;
