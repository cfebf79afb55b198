/**
 * Sites, their enrolment codes and the machines' secrets: codes and secrets are long random
 * values, shown once and stored as SHA-256 only.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SqlDb, SqlExecutor, SqlRow } from './sql';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** SHA-256 hex: secrets and codes are long random values, so a fast hash is enough at rest. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Codes are typed by people: case and separators do not matter. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

function newCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates the enrolment part of the fleet store. */
export function createEnrolmentStore(db: SqlDb) {
  const secretHashes = new Map<string, string>();
  const one = async <T extends SqlRow>(ex: SqlExecutor, sql: string, params: (string | number | null)[]) =>
    (await ex.query<T>(sql, params))[0] ?? null;

  async function siteId(tx: SqlExecutor, name: string, contact: string | null, now: number): Promise<string> {
    const found = await one<{ id: string }>(tx, 'SELECT id FROM sites WHERE name = $1', [name]);
    if (found) {
      if (contact !== null) await tx.run('UPDATE sites SET contact = $1 WHERE id = $2', [contact, found.id]);
      return found.id;
    }
    const id = randomUUID();
    await tx.run('INSERT INTO sites (id, name, contact, created_at) VALUES ($1, $2, $3, $4)', [
      id,
      name,
      contact,
      now,
    ]);
    return id;
  }

  return {
    /** Creates an enrolment code for a site (created on first use); the code is shown once, stored hashed. */
    async addEnrolmentCode(
      site: string,
      contact: string | null = null,
      now = Date.now(),
    ): Promise<{ code: string; siteId: string }> {
      const code = newCode();
      const id = await db.transaction(async (tx) => {
        const sid = await siteId(tx, site, contact, now);
        await tx.run('INSERT INTO enrolment_codes (code_hash, site_id, created_at) VALUES ($1, $2, $3)', [
          sha256(normaliseCode(code)),
          sid,
          now,
        ]);
        return sid;
      });
      return { code, siteId: id };
    },

    /** Enrols a machine with a code: returns its id and secret (shown once, stored hashed), or null for an unknown code. */
    async enrol(
      code: string,
      hostname: string | null,
      now = Date.now(),
    ): Promise<{ machineId: string; secret: string; site: string } | null> {
      const row = await one<{ site_id: string; name: string }>(
        db,
        'SELECT c.site_id, s.name FROM enrolment_codes c JOIN sites s ON s.id = c.site_id WHERE c.code_hash = $1',
        [sha256(normaliseCode(code))],
      );
      if (!row) return null;
      const machineId = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      await db.run(
        'INSERT INTO machines (id, site_id, secret_hash, hostname, enrolled_at) VALUES ($1, $2, $3, $4, $5)',
        [machineId, row.site_id, sha256(secret), hostname, now],
      );
      return { machineId, secret, site: row.name };
    },

    /** Whether `secret` is this machine's (constant-time comparison). */
    async checkSecret(machineId: string, secret: string): Promise<boolean> {
      // Secrets never change (a new enrolment is a new machine id): their hashes can be kept in memory.
      let hash = secretHashes.get(machineId);
      if (hash === undefined) {
        const row = await one<{ secret_hash: string }>(db, 'SELECT secret_hash FROM machines WHERE id = $1', [
          machineId,
        ]);
        if (!row) return false;
        hash = row.secret_hash;
        if (secretHashes.size >= 100_000) secretHashes.clear();
        secretHashes.set(machineId, hash);
      }
      return sameHash(hash, sha256(secret));
    },
  };
}
