/** Which resolved addresses count as the public Internet for a site check. */
import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicOnlyLookup, PRIVATE_ADDRESS_CODE } from './public-address';

describe('isPublicAddress', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '2a00:1450:4007:80f::200e',
    '2606:4700::6810:85e5',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:0808:0808::1',
    '172.32.0.1',
    '100.128.0.1',
  ])('%s is public', (ip) => expect(isPublicAddress(ip)).toBe(true));

  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.10',
    '198.18.0.1',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:192.168.0.1',
    'fd00::1',
    'fc12:3456::1',
    'fe80::1%eth0',
    'ff02::1',
    '64:ff9b::7f00:1',
    '2002:c0a8:0101::1',
    '2001:db8::1',
    'not-an-ip',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false));
});

describe('publicOnlyLookup', () => {
  it('refuses localhost with its own code, in both call shapes Node uses', async () => {
    for (const all of [false, true]) {
      const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
        publicOnlyLookup('localhost', { all }, (e) => resolve(e)),
      );
      expect(error?.code).toBe(PRIVATE_ADDRESS_CODE);
    }
  });
});
