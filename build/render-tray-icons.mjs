// Renders the tray icons (one disc per voyant colour, 32×32 and 16×16 PNG) into assets/icons/.
// Plain Node (zlib): run `node build/render-tray-icons.mjs` after changing a colour.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const colours = { ok: [46, 125, 50], attention: [239, 108, 0], danger: [198, 40, 40], unknown: [97, 97, 97] };

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function disc(size, [r, g, b]) {
  const rows = [];
  const c = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y += 1) {
    const row = [0];
    for (let x = 0; x < size; x += 1) {
      const d = Math.hypot(x - c, y - c);
      // White ring around the disc so it reads on dark and light panels alike.
      const alpha = Math.max(0, Math.min(1, radius + 0.5 - d));
      const inner = d < radius - Math.max(1, size / 16);
      row.push(inner ? r : 255, inner ? g : 255, inner ? b : 255, Math.round(alpha * 255));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [state, rgb] of Object.entries(colours)) {
  writeFileSync(new URL(`../assets/icons/tray-${state}.png`, import.meta.url), disc(16, rgb));
  writeFileSync(new URL(`../assets/icons/tray-${state}@2x.png`, import.meta.url), disc(32, rgb));
}
