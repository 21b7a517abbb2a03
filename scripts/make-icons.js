#!/usr/bin/env node
/* eslint-disable no-undef */
// Draws the add-in's icons (assets/icon-<size>.png) from code instead of keeping
// hand-made bitmaps: Office asks for several sizes (16/20/24/32/40/48/64/80 ribbon, 32/64 add-in
// list, 128 store), and generating them means any size can be re-made, identically,
// with one command. Uses only Node built-ins: zlib for the deflate stream, PNG
// chunks and CRC-32 written here.
//
//   node scripts/make-icons.js                 -> assets/icon-{16,20,24,32,40,48,64,80,128}.png
//   node scripts/make-icons.js out/ 48 256     -> out/icon-48.png, out/icon-256.png
//
// Design: a rounded square in Office green (#217346) with three white bars rising
// left to right (a scorecard / bar chart). Bar edges sit on whole pixels so small
// sizes stay sharp; only the rounded corners are anti-aliased.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DEFAULT_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const GREEN = [0x21, 0x73, 0x46];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // samples per pixel side for anti-aliasing

// ---- PNG encoding -----------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++)
    c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** rgba: Buffer of width*height*4 bytes (straight alpha), rows top to bottom. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- drawing ----------------------------------------------------------------

/** Geometry of the icon at a given pixel size, in pixel units. */
function layout(size) {
  const margin = Math.max(1, Math.round(size / 32));
  const radius = Math.max(2, Math.round(size * 0.18));
  // Bars: 3 bars 2 units wide with 1-unit gaps = 8 units, centred; integer edges.
  const left = Math.round(size / 4);
  const unit = Math.max(1, Math.floor((size - 2 * left) / 8));
  const barsWidth = unit * 8;
  const x0 = Math.floor((size - barsWidth) / 2);
  const bottom = size - Math.round(size / 4);
  const top = Math.round(size * 0.22);
  const h = bottom - top;
  const bars = [0.4, 0.7, 1].map((f, i) => ({
    x0: x0 + i * 3 * unit,
    x1: x0 + i * 3 * unit + 2 * unit,
    y0: bottom - Math.max(1, Math.round(h * f)),
    y1: bottom,
  }));
  return { margin, radius, bars };
}

function insideRoundedSquare(x, y, size, margin, r) {
  const lo = margin;
  const hi = size - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

function insideBars(x, y, bars) {
  return bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
}

function drawIcon(size) {
  const { margin, radius, bars } = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inSquare = 0;
      let inBar = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          if (insideRoundedSquare(x, y, size, margin, radius)) {
            inSquare++;
            if (insideBars(x, y, bars)) inBar++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (inSquare === 0) continue; // fully transparent
      const t = inBar / inSquare; // share of white within the covered part
      for (let c = 0; c < 3; c++)
        rgba[o + c] = Math.round(GREEN[c] * (1 - t) + WHITE[c] * t);
      rgba[o + 3] = Math.round((255 * inSquare) / (n * n));
    }
  }
  return encodePng(size, size, rgba);
}

// ---- command line -----------------------------------------------------------

function main(argv) {
  const outDir =
    argv[0] && !/^\d+$/.test(argv[0])
      ? argv.shift()
      : path.join(__dirname, "..", "assets");
  const sizes = argv.length ? argv.map(Number) : DEFAULT_SIZES;
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 8 || s > 1024)
      throw new Error(`bad icon size: ${s}`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of sizes) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(
      `wrote ${path.relative(process.cwd(), file) || file} (${size}x${size})`,
    );
  }
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { drawIcon, encodePng, crc32 };
