#!/usr/bin/env node
// Draws the tab bar icons (81×81 RGBA PNG, one colour, anti-aliased) into src/assets/tabbar/.
// Node built-ins only. Run: node miniapp/scripts/gen-tab-icons.js
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const SIZE = 81
const SS = 4 // supersampling per axis
const OUT = path.join(__dirname, '..', 'src', 'assets', 'tabbar')
const COLORS = { normal: [0x4b, 0x55, 0x63], active: [0x1d, 0x4e, 0xd8] }

// Shapes in a 0..1 square: each returns true when the point is inside the icon.
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r

const SHAPES = {
  // house: roof triangle + body, with a door cut out
  home(x, y) {
    const roof = y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.15
    const body = inRect(x, y, 0.22, 0.46, 0.78, 0.86)
    const door = inRect(x, y, 0.42, 0.62, 0.58, 0.86)
    return (roof || body) && !door
  },
  // services: 2×2 tiles
  services(x, y) {
    const t = (x0, y0) => inRoundRect(x, y, x0, y0, x0 + 0.3, y0 + 0.3, 0.06)
    return t(0.16, 0.16) || t(0.54, 0.16) || t(0.16, 0.54) || t(0.54, 0.54)
  },
  // me: head + shoulders
  me(x, y) {
    const head = inCircle(x, y, 0.5, 0.33, 0.17)
    const shoulders = y <= 0.86 && ((x - 0.5) / 0.34) ** 2 + ((y - 0.86) / 0.3) ** 2 <= 1
    return head || shoulders
  },
}

function crc32(buf) {
  let c = ~0
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i]
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function png(shape, [r, g, b]) {
  const rows = []
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4) // filter byte 0
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (shape((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits++
        }
      }
      const o = 1 + px * 4
      row[o] = r
      row[o + 1] = g
      row[o + 2] = b
      row[o + 3] = Math.round((hits / (SS * SS)) * 255)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

fs.mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(OUT, `${name}${state === 'active' ? '-active' : ''}.png`)
    const data = png(shape, color)
    fs.writeFileSync(file, data)
    console.log(`${path.relative(process.cwd(), file)} ${data.length} B`)
  }
}
