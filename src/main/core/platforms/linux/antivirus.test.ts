import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { antivirusFinding } from '../../findings/rules';
import { runCommand } from '../../exec/live-host';
import { clamavProduct, parseCvdHeader } from './antivirus';
import { fixture } from './test-support';

describe('ClamAV signature age', () => {
  it('reads the build time of a real daily.cvd header (trailing epoch)', () => {
    expect(parseCvdHeader(fixture('clamav/daily-25784-header.txt'))).toEqual({ buildTime: '2020-04-16T11:58:59.000Z', version: '25784' });
  });
  it('falls back on the "%d %b %Y %H-%M %z" date when the epoch is absent', () => {
    const header = fixture('clamav/daily-25784-header.txt').replace(/:raynman:\d+$/, '');
    expect(parseCvdHeader(header).buildTime).toBe('2020-04-16T11:58:00.000Z');
  });
  it('gives nothing for a file that is not a ClamAV database', () => {
    expect(parseCvdHeader('\u001f\u008b garbage')).toEqual({ buildTime: null, version: null });
  });
  it('a database header read with the real `head -c 512` from a padded file judges to danger when 8 days old, ok when fresh', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revision-clam-'));
    try {
      await mkdir(dir, { recursive: true });
      const file = join(dir, 'daily.cvd');
      await writeFile(file, fixture('clamav/daily-25784-header.txt').padEnd(512, ' ') + '\u001f\u008b\u0008binary');
      const r = await runCommand({ file: 'head', args: ['-c', '512', file] });
      const info = parseCvdHeader(r.stdout);
      const product = clamavProduct([{ file, ...info }], false)!;
      expect(product.signatureDate).toBe('2020-04-16T11:58:59.000Z');
      expect(antivirusFinding({ products: [product] }, new Date('2020-04-25T12:00:00Z')).state).toBe('danger');
      expect(antivirusFinding({ products: [product] }, new Date('2020-04-18T12:00:00Z')).state).toBe('ok');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('a ClamAV folder without databases is never ok', () => {
    expect(clamavProduct([], false)).toBeNull();
  });
});
