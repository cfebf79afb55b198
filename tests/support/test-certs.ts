/**
 * Certificates made by the real `openssl` for the site tests: a test authority, and server
 * certificates that are valid, expiring in 10 days, expired, or for another name.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A key and certificate in PEM. */
export interface Pem {
  readonly key: string;
  readonly cert: string;
}

/** The test authority and the four server certificates. */
export interface TestCerts {
  readonly ca: Pem;
  readonly valid: Pem;
  readonly expiring: Pem;
  readonly expired: Pem;
  readonly wrongName: Pem;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/** Makes the certificates in `dir` with `openssl ca` (which takes explicit start and end dates). */
export async function makeTestCerts(dir: string): Promise<TestCerts> {
  await mkdir(join(dir, 'newcerts'), { recursive: true });
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  const conf = join(dir, 'ca.cnf');
  await writeFile(
    conf,
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/newcerts',
      'serial = $dir/serial',
      'certificate = $dir/ca.pem',
      'private_key = $dir/ca.key',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = copy',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    join(dir, 'ca.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=Revision Test CA/O=Revision tests',
  ]);
  const day = 86_400_000;
  const now = Date.now();
  const leaf = async (name: string, san: string, start: number, end: number): Promise<Pem> => {
    const key = join(dir, `${name}.key`);
    const csr = join(dir, `${name}.csr`);
    const cert = join(dir, `${name}.pem`);
    await run('openssl', [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      csr,
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=${san}`,
    ]);
    await run('openssl', [
      'ca',
      '-batch',
      '-config',
      conf,
      '-in',
      csr,
      '-out',
      cert,
      '-notext',
      '-startdate',
      stamp(new Date(start)),
      '-enddate',
      stamp(new Date(end)),
    ]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  };
  const local = 'DNS:localhost,IP:127.0.0.1';
  return {
    ca: {
      key: await readFile(join(dir, 'ca.key'), 'utf8'),
      cert: await readFile(join(dir, 'ca.pem'), 'utf8'),
    },
    valid: await leaf('valid', local, now - day, now + 300 * day),
    expiring: await leaf('expiring', local, now - 80 * day, now + 10 * day),
    expired: await leaf('expired', local, now - 400 * day, now - 30 * day),
    wrongName: await leaf('wrong-name', 'DNS:autre-site.example', now - day, now + 300 * day),
  };
}
