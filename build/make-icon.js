#!/usr/bin/env node
// Draws build/icon.png (512×512 RGBA) with no dependencies: an indigo rounded
// square, two flash cards, and a circular "recall" arrow on the front card.
// electron-builder derives the Linux icon set, .icns and .ico from it.
//   node build/make-icon.js [size]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = Number(process.argv[2]) || 512;
const SS = 4; // supersamples per axis

/** Signed distance to a rounded rectangle centred at (cx, cy), rotated by `rot` radians. */
function roundedRect(x, y, cx, cy, hw, hh, r, rot = 0) {
  const c = Math.cos(-rot);
  const s = Math.sin(-rot);
  const dx0 = x - cx;
  const dy0 = y - cy;
  const dx = Math.abs(dx0 * c - dy0 * s) - (hw - r);
  const dy = Math.abs(dx0 * s + dy0 * c) - (hh - r);
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
}

/** Inside an arc stroke from angle a0 to a1 (clockwise in screen space). */
function inArc(x, y, cx, cy, radius, width, a0, a1) {
  const d = Math.abs(Math.hypot(x - cx, y - cy) - radius);
  if (d > width / 2) return false;
  let a = Math.atan2(y - cy, x - cx);
  if (a < a0) a += 2 * Math.PI;
  return a >= a0 && a <= a1;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** Colour of one sample in a unit 0..1 coordinate space; [r,g,b,a] with a in 0..1. */
function sample(u, v) {
  if (roundedRect(u, v, 0.5, 0.5, 0.46, 0.46, 0.1) > 0) return [0, 0, 0, 0];
  let col = [...mix([79, 70, 229], [124, 58, 237], (u + v) / 2), 1]; // indigo → violet
  if (roundedRect(u, v, 0.54, 0.46, 0.25, 0.18, 0.04, 0.18) <= 0) col = [...mix(col.slice(0, 3), [255, 255, 255], 0.35), 1];
  if (roundedRect(u, v, 0.47, 0.55, 0.27, 0.19, 0.04, -0.06) <= 0) {
    col = [255, 255, 255, 1];
    const ink = [79, 70, 229, 1];
    const cx = 0.47;
    const cy = 0.55;
    if (inArc(u, v, cx, cy, 0.1, 0.035, -Math.PI * 0.35, Math.PI * 1.25)) col = ink;
    const tip = [cx + 0.1 * Math.cos(-Math.PI * 0.35), cy + 0.1 * Math.sin(-Math.PI * 0.35)];
    if (inTriangle(u, v, [tip[0] - 0.045, tip[1] - 0.03], [tip[0] + 0.045, tip[1] - 0.005], [tip[0] - 0.005, tip[1] + 0.055])) col = ink;
  }
  return col;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [cr, cg, cb, ca] = sample((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (y * size + x) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(rgba, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, encodePng(render(SIZE), SIZE));
console.log(`wrote ${out} (${SIZE}×${SIZE})`);
