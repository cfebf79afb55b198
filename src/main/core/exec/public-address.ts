/**
 * Public addresses only: a site check must never be turned, by a public name that points inside
 * (DNS set to 127.0.0.1, 192.168.x.x, fd00::…), into a reader of the owner's own network. The
 * lookup below resolves the name once, keeps public addresses only and hands exactly those to
 * the connection, so a second, different answer (DNS rebinding) cannot slip in between.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

/** The error code when a name leads only to private, loopback or otherwise non-public addresses. */
export const PRIVATE_ADDRESS_CODE = 'EPRIVATEADDRESS';

/** IPv4 ranges that are not the public Internet (RFC 6890 special-purpose registry and multicast). */
const V4_BLOCKS: readonly (readonly [number, number])[] = [
  [0x00000000, 8], // "this network"
  [0x0a000000, 8], // private
  [0x64400000, 10], // carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata lives here)
  [0xac100000, 12], // private
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0000200, 24], // documentation
  [0xc0586300, 24], // 6to4 relay anycast
  [0xc0a80000, 16], // private
  [0xc6120000, 15], // benchmarking
  [0xc6336400, 24], // documentation
  [0xcb007100, 24], // documentation
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved and broadcast
];

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function isPublicV4(ip: string): boolean {
  const n = v4Number(ip);
  return !V4_BLOCKS.some(
    ([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)),
  );
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split('%')[0] as string;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4Number(dotted[1] as string);
    text = `${text.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function v4From(hi: number, lo: number): string {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

function isPublicV6(ip: string): boolean {
  const g = v6Groups(ip);
  if (g.length !== 8 || g.some((x) => Number.isNaN(x))) return false;
  const zeroPrefix = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroPrefix(8)) return false; // ::
  if (zeroPrefix(7) && g[7] === 1) return false; // ::1
  if (zeroPrefix(5) && g[5] === 0xffff) return isPublicV4(v4From(g[6]!, g[7]!)); // ::ffff:a.b.c.d
  if (zeroPrefix(6)) return false; // deprecated IPv4-compatible
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return isPublicV4(v4From(g[6]!, g[7]!)); // NAT64
  if (g[0] === 0x2002) return isPublicV4(v4From(g[1]!, g[2]!)); // 6to4
  if (g[0] === 0x2001 && g[1] === 0x0db8) return false; // documentation
  if (g[0] === 0x0100 && zeroPrefix(0) && g.slice(1, 4).every((x) => x === 0)) return false; // discard
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local
  if ((first & 0xffc0) === 0xfec0) return false; // site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}

/** Whether an IP address is on the public Internet (false for private, loopback, link-local, reserved…). */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip.split('%')[0] as string);
  if (family === 4) return isPublicV4(ip);
  if (family === 6) return isPublicV6(ip);
  return false;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http, node:https and node:tls that resolves like the system does, then
 * keeps public addresses only; a name with none fails with PRIVATE_ADDRESS_CODE.
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, options.all ? [] : '', undefined);
      return;
    }
    const kept = addresses.filter((a) => isPublicAddress(a.address));
    if (kept.length === 0) {
      const refused = Object.assign(
        new Error(`${hostname} mène à une adresse privée (${addresses.map((a) => a.address).join(', ')})`),
        { code: PRIVATE_ADDRESS_CODE, hostname },
      );
      callback(refused, options.all ? [] : '', undefined);
      return;
    }
    if (options.all) callback(null, kept);
    else callback(null, kept[0]!.address, kept[0]!.family);
  });
}
