// The app icon, drawn as a PNG at any size with no image tool and no binary file in the repository:
// a white sheet with three lines of text and a check mark on the app's blue. The drawing keeps
// inside the middle 80 % so the icon also works as a "maskable" icon (the launcher may crop it to a circle).
import { deflateSync } from "node:zlib";

const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x11, 0x63, 0x29];

function inRect(x, y, x0, y0, x1, y1, r) {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r;
}
function nearSegment(x, y, ax, ay, bx, by, w) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return dx * dx + dy * dy <= w * w;
}

/** Colour of the point (x, y) in a 1 × 1 square (y down). */
function paint(x, y) {
  // The check mark sits over the sheet's lower right corner.
  const dc = (x - 0.66) ** 2 + (y - 0.66) ** 2;
  if (dc <= 0.15 ** 2) {
    if (nearSegment(x, y, 0.59, 0.665, 0.64, 0.715, 0.022) || nearSegment(x, y, 0.64, 0.715, 0.735, 0.605, 0.022)) return WHITE;
    return GREEN;
  }
  if (dc <= 0.175 ** 2) return BLUE;
  if (inRect(x, y, 0.27, 0.2, 0.73, 0.8, 0.04)) {
    if (inRect(x, y, 0.34, 0.298, 0.66, 0.342, 0.022)) return BLUE;
    if (inRect(x, y, 0.34, 0.408, 0.66, 0.452, 0.022)) return BLUE;
    if (inRect(x, y, 0.34, 0.518, 0.5, 0.562, 0.022)) return BLUE;
    return WHITE;
  }
  return BLUE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A `size` × `size` RGB PNG of the icon, 4 × 4 supersampled so edges are smooth. */
export function iconPng(size) {
  const S = 4;
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      // Inside a flat area all four corners agree: one sample is enough.
      const c0 = paint(x / size, y / size);
      let c = c0;
      if (c0 !== paint((x + 1) / size, y / size) || c0 !== paint(x / size, (y + 1) / size) || c0 !== paint((x + 1) / size, (y + 1) / size)) {
        const sum = [0, 0, 0];
        for (let sy = 0; sy < S; sy++)
          for (let sx = 0; sx < S; sx++) {
            const s = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
            sum[0] += s[0];
            sum[1] += s[1];
            sum[2] += s[2];
          }
        c = sum.map((v) => Math.round(v / (S * S)));
      }
      raw[row + 1 + x * 3] = c[0];
      raw[row + 2 + x * 3] = c[1];
      raw[row + 3 + x * 3] = c[2];
    }
  }
  // Flat areas and a few blended edge shades: a palette (one byte a pixel instead of three)
  // makes the PNG about half the size. More than 256 shades would fall back to RGB.
  const colours = new Map();
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = y * (1 + size * 3) + 1 + x * 3;
      const key = (raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2];
      if (!colours.has(key)) colours.set(key, colours.size);
    }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  let pixels = raw;
  let plte = null;
  if (colours.size <= 256) {
    ihdr[9] = 3; // colour type: indexed
    pixels = Buffer.alloc(size * (1 + size));
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const i = y * (1 + size * 3) + 1 + x * 3;
        pixels[y * (1 + size) + 1 + x] = colours.get((raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2]);
      }
    plte = Buffer.alloc(colours.size * 3);
    for (const [key, n] of colours) plte.writeUIntBE(key, n * 3, 3);
  } else {
    ihdr[9] = 2; // colour type: RGB
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    ...(plte ? [chunk("PLTE", plte)] : []),
    chunk("IDAT", deflateSync(pixels, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
