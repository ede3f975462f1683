#!/usr/bin/env node
/*
 * Size report and budget check of the mini-app builds.
 *
 *   node scripts/miniapp-sizes.js            (after npm run build:weapp / build:alipay / build:h5)
 *   ZWT_OUTPUT_ROOT=dist-polish node scripts/miniapp-sizes.js
 *                                            (builds made with the same ZWT_OUTPUT_ROOT: miniapp/<root>/…,
 *                                             so that side-by-side builds can be checked; default dist)
 *
 * Mini-programs (miniapp/dist/weapp, miniapp/dist/alipay), raw bytes as uploaded:
 *   - subpackages are the `subPackages` (or `subpackages`) roots of dist/<platform>/app.json;
 *     every file under a root counts for that subpackage, every other file for the main package;
 *   - the developer-tool project files (project.config.json, project.private.config.json,
 *     mini.project.json) are not part of the package and are left out.
 *   Budgets: main ≤ 2 MB (warning over 1 MB), each subpackage ≤ 2 MB, total ≤ 8 MB.
 *
 * H5 (miniapp/dist/h5), gzip (level 6, what servers typically send) of each file:
 *   first-load JS = the JS that index.html loads (<script src>) + the JS of the home page's
 *   lazily loaded chunk group. The page chunk groups come from dist/h5/asset-manifest.json,
 *   written by the build (miniapp/config/asset-manifest-plugin.ts: for each page, the files of
 *   the webpack chunk group that its dynamic import() loads). Without the manifest every JS
 *   file in dist/h5 is counted (an upper bound). Home page: MINIAPP_HOME_PAGE or pages/index/index.
 *   Budget: first-load gzipped JS ≤ 300 KB. CSS is reported, not budgeted.
 *
 * 1 KB = 1024 bytes, 1 MB = 1024 KB. Exits 1 when a budget is exceeded; a platform whose dist
 * is missing is skipped with a line saying so.
 */
'use strict'

const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const ROOT = path.resolve(__dirname, '..')
// the output folder of the builds (miniapp/config/index.ts writes to miniapp/$ZWT_OUTPUT_ROOT/<platform>)
const OUTPUT_ROOT = process.env.ZWT_OUTPUT_ROOT || 'dist'
if (path.isAbsolute(OUTPUT_ROOT) || OUTPUT_ROOT.split(/[\\/]/).includes('..')) {
  console.error(`ZWT_OUTPUT_ROOT must be a folder name under miniapp/, not ${OUTPUT_ROOT}`)
  process.exit(2)
}
const DIST = path.join(ROOT, 'miniapp', OUTPUT_ROOT)
const KB = 1024
const MB = 1024 * KB

const BUDGET = {
  mainWarn: 1 * MB,
  mainMax: 2 * MB,
  subMax: 2 * MB,
  totalMax: 8 * MB,
  h5FirstLoadJsGzip: 300 * KB,
}
const NOT_IN_PACKAGE = new Set(['project.config.json', 'project.private.config.json', 'mini.project.json'])
const HOME_PAGE = (process.env.MINIAPP_HOME_PAGE || 'pages/index/index').replace(/^\//, '')

let failed = false
const rows = []

function fmt(bytes) {
  if (bytes >= MB) return `${(bytes / MB).toFixed(2)} MB`
  return `${(bytes / KB).toFixed(1)} KB`
}

function walk(dir) {
  const out = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(full))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

function row(platform, part, size, limit, status, note = '') {
  rows.push({ platform, part, size, limit, status, note })
  if (status === 'FAIL') failed = true
}

function check(size, max, warn) {
  if (size > max) return 'FAIL'
  if (warn !== undefined && size > warn) return 'WARN'
  return 'ok'
}

function miniProgram(platform) {
  const dir = path.join(DIST, platform)
  const appJson = path.join(dir, 'app.json')
  if (!fs.existsSync(appJson)) {
    console.log(`skip ${platform}: ${path.relative(ROOT, dir)} is not built (no app.json)`)
    return
  }
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'))
  const roots = (app.subPackages || app.subpackages || []).map((p) => String(p.root).replace(/^\/|\/$/g, ''))
  const sizes = new Map(roots.map((r) => [r, 0]))
  let main = 0
  for (const file of walk(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/')
    if (NOT_IN_PACKAGE.has(rel)) continue
    const size = fs.statSync(file).size
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    if (root) sizes.set(root, sizes.get(root) + size)
    else main += size
  }
  row(platform, 'main package', main, `≤ ${fmt(BUDGET.mainMax)} (warn > ${fmt(BUDGET.mainWarn)})`, check(main, BUDGET.mainMax, BUDGET.mainWarn))
  let total = main
  for (const [root, size] of sizes) {
    total += size
    row(platform, `subpackage ${root}`, size, `≤ ${fmt(BUDGET.subMax)}`, check(size, BUDGET.subMax))
  }
  row(platform, 'total', total, `≤ ${fmt(BUDGET.totalMax)}`, check(total, BUDGET.totalMax))
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length
}

function h5() {
  const dir = path.join(DIST, 'h5')
  const indexHtml = path.join(dir, 'index.html')
  if (!fs.existsSync(indexHtml)) {
    console.log(`skip h5: ${path.relative(ROOT, dir)} is not built (no index.html)`)
    return
  }
  const html = fs.readFileSync(indexHtml, 'utf8')
  const local = (url) => url.replace(/^https?:\/\/[^/]+/, '').replace(/^\//, '').split(/[?#]/)[0]
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => local(m[1]))
  const styles = [...html.matchAll(/<link\b[^>]*\bhref=["']([^"']+\.css)["']/gi)].map((m) => local(m[1]))

  const files = new Set([...scripts, ...styles])
  let how
  const manifestFile = path.join(dir, 'asset-manifest.json')
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
    const home = manifest.pages && manifest.pages[HOME_PAGE]
    if (!home) {
      row('h5', `first load (${HOME_PAGE})`, 0, '', 'FAIL', `page not in asset-manifest.json`)
      return
    }
    home.forEach((f) => files.add(f))
    how = `index.html + ${HOME_PAGE} chunks`
  } else {
    walk(dir)
      .map((f) => path.relative(dir, f).split(path.sep).join('/'))
      .filter((f) => f.endsWith('.js'))
      .forEach((f) => files.add(f))
    how = 'no asset-manifest.json: all JS counted'
  }

  let js = 0
  let css = 0
  let jsRaw = 0
  for (const f of files) {
    const full = path.join(dir, f)
    if (!fs.existsSync(full)) {
      row('h5', `missing ${f}`, 0, '', 'FAIL', 'referenced but not built')
      continue
    }
    if (f.endsWith('.js')) {
      js += gzipSize(full)
      jsRaw += fs.statSync(full).size
    } else if (f.endsWith('.css')) css += gzipSize(full)
  }
  const jsCount = [...files].filter((f) => f.endsWith('.js')).length
  row('h5', 'first-load JS (gzip)', js, `≤ ${fmt(BUDGET.h5FirstLoadJsGzip)}`, check(js, BUDGET.h5FirstLoadJsGzip), `${jsCount} files, ${fmt(jsRaw)} raw; ${how}`)
  row('h5', 'first-load CSS (gzip)', css, '', 'info')
  const all = walk(dir).reduce((sum, f) => sum + fs.statSync(f).size, 0)
  row('h5', 'dist total (raw)', all, '', 'info')
}

if (!fs.existsSync(DIST)) console.log(`no ${path.relative(ROOT, DIST)}: nothing is built`)
else {
  miniProgram('weapp')
  miniProgram('alipay')
  h5()
}

if (rows.length) {
  const head = ['platform', 'part', 'size', 'budget', 'status', 'note']
  const data = rows.map((r) => [r.platform, r.part, fmt(r.size), r.limit, r.status, r.note])
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)))
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  console.log(line(head))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  data.forEach((d) => console.log(line(d)))
}
if (failed) {
  console.error('miniapp-sizes: over budget')
  process.exit(1)
}
console.log('miniapp-sizes: within budget')
