// Renders the PWA icons (PNG) from the same geometry as public/icons/icon.svg,
// so no image tool is needed: a teal rounded square with a white ring and a coin slot.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const teal = [15, 118, 110]
const white = [255, 255, 255]

function crc32(buf) {
  let c, crc = 0xffffffff
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

// Coverage of one pixel by the shape, with 4x4 supersampling for smooth edges.
function render(size, { maskable }) {
  const rows = []
  const radius = maskable ? 0 : 0.22
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const u = (x + (sx + 0.5) / 4) / size, v = (y + (sy + 0.5) / 4) / size
        const dx = Math.max(radius - u, 0, u - (1 - radius)), dy = Math.max(radius - v, 0, v - (1 - radius))
        if (Math.hypot(dx, dy) > radius && radius > 0) continue
        bg++
        const scale = maskable ? 0.8 : 1
        const cx = (u - 0.5) / scale, cy = (v - 0.5) / scale
        const r = Math.hypot(cx, cy)
        const ring = r > 0.2 && r < 0.31
        const slot = Math.abs(cx) < 0.1 && Math.abs(cy) < 0.035
        if (ring || slot) fg++
      }
      const a = bg / 16, f = bg ? fg / bg : 0
      const px = teal.map((c, i) => Math.round(c * (1 - f) + white[i] * f))
      row.set([...px, Math.round(a * 255)], 1 + x * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = new URL('../public/icons/', import.meta.url)
writeFileSync(new URL('icon-192.png', out), render(192, { maskable: false }))
writeFileSync(new URL('icon-512.png', out), render(512, { maskable: false }))
writeFileSync(new URL('maskable-512.png', out), render(512, { maskable: true }))
writeFileSync(new URL('apple-touch-icon.png', out), render(180, { maskable: true }))
