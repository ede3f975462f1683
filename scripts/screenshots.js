#!/usr/bin/env node
/*
 * README screenshots from a running build with demo data.
 *
 *   npm run build:server && npm run build:h5          (or ZWT_OUTPUT_ROOT=… for another folder)
 *   node scripts/screenshots.js                        (H5_DIR=miniapp/dist-polish/h5 for another build)
 *
 * Starts the built server (server/dist/main.js) on PORT (default 3301) with a fresh SQLite file
 * (SQLITE_PATH, default /tmp/zwt-shots.sqlite) and the demo data (catalogue, halls, slot templates
 * and the slots generated from them at start-up: the script makes no slot of its own), moves the
 * server's clock to 10:00 of the first working day from today (TEST_CLOCK, as the e2e server does),
 * seeds state through the API (a citizen with a booking and filings, a pre-review, ratings of
 * bookings checked in that day), drives Debian's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium) and writes small PNGs to docs/screenshots/:
 * citizens on a phone (375×812 at 1×), staff and admin on a desk (1280×800). The PNGs are
 * squeezed with pngquant when it is installed (apt-get install pngquant).
 */
'use strict'

const { spawn, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { chromium } = require('playwright-core')
const { PRIVACY_TERMS_VERSION } = require('@gov/shared')

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'docs', 'screenshots')
const PORT = Number(process.env.PORT || 3301)
const BASE = `http://127.0.0.1:${PORT}`
const SQLITE_PATH = process.env.SQLITE_PATH || '/tmp/zwt-shots.sqlite'
const H5_DIR = path.resolve(ROOT, process.env.H5_DIR || 'miniapp/dist/h5')
const ADMIN = { username: 'admin', password: 'Admin@2026' }
const STAFF = { username: 'staff01', password: 'Staff@2026' }

async function api(method, url, { token, body } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (token) headers.Authorization = `Bearer ${token}`
  const res = await fetch(BASE + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  const data = text ? JSON.parse(text) : undefined
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`)
  return data
}

async function upload(token, appId, materialId, name, type, bytes) {
  const form = new FormData()
  form.append('file', new Blob([bytes], { type }), name)
  const res = await fetch(`${BASE}/api/applications/${appId}/materials/${materialId}/files`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  if (!res.ok) throw new Error(`upload → ${res.status} ${await res.text()}`)
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const pdf = (label) => Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`)

function idNumber() {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')
  const first17 = `1101051985${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}${day}${String(100 + Math.floor(Math.random() * 800))}`
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * W[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

let phoneSeq = 0
async function citizen(realName) {
  const phone = `1390000${String(1000 + ++phoneSeq).slice(-4)}`
  await api('POST', '/api/auth/sms/send', { body: { phone } })
  const auth = await api('POST', '/api/auth/sms/login', { body: { phone, code: '123456' } })
  // the privacy terms are agreed to first, as the app asks before anything else
  await api('POST', '/api/me/consent', { token: auth.accessToken, body: { version: PRIVACY_TERMS_VERSION } })
  const user = await api('POST', '/api/me/verify', { token: auth.accessToken, body: { realName, idNumber: idNumber() } })
  return { ...auth, user }
}

const shanghaiDate = (d = new Date()) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
const addDays = (date, n) => {
  const t = new Date(`${date}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

async function startServer() {
  fs.rmSync(SQLITE_PATH, { force: true })
  // the server's settings are the script's own: nothing of the caller's shell (DEV_SMS_CODE, DATABASE_URL, NODE_ENV, TZ…)
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', TZ: 'UTC', PORT: String(PORT), SQLITE_PATH, H5_DIR, SEED_DEMO: '1', SMS_PROVIDER: 'dev', DEV_SMS_CODE: '123456', ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, THROTTLE_IP_LIMIT: '0', TEST_CLOCK: '1' }
  const child = spawn(process.execPath, ['server/dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy')
    await new Promise((r) => setTimeout(r, 300))
  }
}

/**
 * The server's clock at 10:00 of the first working day from today (ticking), so that the demo
 * slots later that day can be booked and checked in whatever the hour the script runs. Returns that day.
 */
async function openingDay() {
  const today = shanghaiDate()
  const day = (await api('GET', `/api/calendar?from=${today}&to=${addDays(today, 13)}`)).find((d) => d.workday).date
  await api('POST', '/api/__test__/clock', { body: { now: new Date(`${day}T10:00:00+08:00`).toISOString(), ticking: true } })
  return day
}

/** The first demo slot of a service at a hall on these days with a place left. */
async function freeSlot(serviceId, hallId, from, to) {
  const open = (await api('GET', `/api/services/${serviceId}/slots?hallId=${hallId}&from=${from}&to=${to}`)).filter((x) => x.remaining > 0)
  if (open.length === 0) throw new Error(`no demo slot for service ${serviceId} at hall ${hallId} from ${from} to ${to}`)
  return open[0]
}

/** Demo state: a booking, filings (one accepted, one waiting for pre-review), ratings. */
async function seed(sampleImage) {
  const day = await openingDay()
  const admin = await api('POST', '/api/auth/staff/login', { body: ADMIN })
  const staff = await api('POST', '/api/auth/staff/login', { body: STAFF })
  const halls = await api('GET', '/api/halls')
  const hall = halls.find((h) => h.id === staff.user.hallId) || halls[0]
  const services = (await api('GET', '/api/services?pageSize=50')).items
  const byName = (n) => services.find((s) => s.name === n) || services.find((s) => s.name.includes(n))
  const idCard = byName('居民身份证') || services[0]
  const business = byName('个体工商户设立登记')
  const me = await citizen('李明')

  // a booking a few days ahead, on a demo slot (generated from the templates at start-up)
  const open = await freeSlot(idCard.id, hall.id, addDays(day, 2), addDays(day, 10))
  const booking = await api('POST', '/api/bookings', { token: me.accessToken, body: { slotId: open.id, serviceId: idCard.id } })

  // filings: one accepted after a one-time notice, one waiting for pre-review (the staff page)
  async function filing(person) {
    const app = await api('POST', '/api/applications', { token: person.accessToken, body: { serviceId: business.id, hallId: hall.id } })
    let i = 0
    for (const m of app.materials.filter((x) => x.required)) {
      if (i++ === 0) await upload(person.accessToken, app.id, m.materialId, '登记申请书.png', 'image/png', sampleImage || PNG)
      else await upload(person.accessToken, app.id, m.materialId, `材料${i}.pdf`, 'application/pdf', pdf(`m${i}`))
    }
    const rest = app.materials.filter((x) => !x.required || x.tolerable).filter((x) => x.tolerable)
    if (rest.length) await api('POST', `/api/applications/${app.id}/commitment`, { token: person.accessToken, body: { materialIds: rest.map((x) => x.materialId) } }).catch(() => undefined)
    await api('POST', `/api/applications/${app.id}/submit`, { token: person.accessToken })
    return api('GET', `/api/applications/${app.id}`, { token: person.accessToken })
  }
  const accepted = await filing(me)
  const decide = (flag) => accepted.materials.map((m, i) => ({ materialId: m.materialId, ok: !(flag && i === 0), reason: flag && i === 0 ? '身份证明复印件不清晰，请上传清晰的扫描件' : null }))
  await api('POST', `/api/staff/applications/${accepted.id}/prereview`, { token: staff.accessToken, body: { decisions: decide(true) } })
  await upload(me.accessToken, accepted.id, accepted.materials[0].materialId, '身份证明-清晰版.pdf', 'application/pdf', pdf('clear'))
  await api('POST', `/api/applications/${accepted.id}/submit`, { token: me.accessToken })
  await api('POST', `/api/staff/applications/${accepted.id}/prereview`, { token: staff.accessToken, body: { decisions: decide(false) } })
  await api('POST', `/api/staff/applications/${accepted.id}/accept`, { token: staff.accessToken })
  const other = await citizen('张华')
  const waiting = await filing(other)
  // and a draft of another service, so that 我的办件 shows more than one
  const second = services.find((x) => x.onlinePrereview && x.audience !== 'enterprise' && x.id !== business.id)
  if (second) await api('POST', '/api/applications', { token: me.accessToken, body: { serviceId: second.id } }).catch(() => undefined)

  // ratings of finished bookings (demo slots later that day, checked in), for the statistics page
  const scores = [5, 5, 5, 4, 5, 4, 3, 5, 2, 5]
  const names = ['王芳', '赵强', '孙丽', '周杰', '吴敏', '郑涛', '冯静', '陈刚', '褚燕', '卫东']
  // citizens book for themselves: services for persons (a company-only one is refused, AUDIENCE_MISMATCH)
  const rateable = services.filter((x) => x.audience !== 'enterprise').slice(0, 6)
  for (const [i, score] of scores.entries()) {
    const s = rateable[i % rateable.length]
    const guide = await api('GET', `/api/services/${s.id}`)
    const h = guide.halls[i % guide.halls.length] || hall
    const slot = await freeSlot(s.id, h.id, day, day)
    const p = await citizen(names[i])
    const b = await api('POST', '/api/bookings', { token: p.accessToken, body: { slotId: slot.id, serviceId: s.id } })
    await api('POST', '/api/staff/bookings/check-in', { token: admin.accessToken, body: { code: b.code } })
    await api('POST', '/api/ratings', { token: p.accessToken, body: { targetType: 'booking', targetId: b.id, score, tags: [], comment: score >= 4 ? '办理很快' : '等候时间较长' } })
  }
  return { me, staff, admin, idCard, business, booking, accepted, waiting }
}

/** A plausible scanned form (drawn by Chromium) for the pre-review preview. */
async function sampleScan(browser) {
  const page = await browser.newPage({ viewport: { width: 420, height: 300 }, deviceScaleFactor: 1 })
  await page.setContent(`<body style="margin:0;background:#fff;font-family:'Noto Sans CJK SC',sans-serif">
    <div style="margin:14px;padding:16px 20px;border:2px solid #334155;height:236px;box-sizing:border-box">
      <div style="text-align:center;font-size:20px;font-weight:700;color:#111827">个体工商户登记（备案）申请书</div>
      <div style="margin-top:14px;font-size:14px;line-height:28px;color:#1f2937">
        经营者姓名：李明<br>组成形式：个人经营<br>经营场所：清河市龙湖区人民大道 168 号<br>经营范围：日用百货零售</div>
      <div style="text-align:right;font-size:13px;color:#374151;margin-top:6px">申请人签字：李明　2026 年</div>
    </div></body>`)
  const png = await page.screenshot()
  await page.close()
  return png
}

function session(tokens) {
  return JSON.stringify({ data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user } })
}

async function context(browser, tokens, kind) {
  const ctx = await browser.newContext({
    ...(kind === 'phone' ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: BASE,
  })
  ctx.setDefaultTimeout(20_000)
  if (tokens) {
    await ctx.addInitScript(([k, v]) => {
      if (!window.localStorage.getItem(k)) window.localStorage.setItem(k, v)
    }, ['gov.session.v1', session(tokens)])
  }
  return ctx
}

async function shoot(page, name) {
  await page.waitForTimeout(700) // the page's slide-in transition, fonts
  const file = path.join(OUT, `${name}.png`)
  await page.screenshot({ path: file })
  const q = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=60-90', '--speed', '1', '--strip', '--output', file, file])
  if (q.error && !shoot.warned) {
    shoot.warned = true
    console.log('(pngquant not found: PNGs left as Chromium wrote them)')
  }
  console.log(`${name}.png  ${(fs.statSync(file).size / 1024).toFixed(1)} KB`)
}

async function main() {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error(`no H5 build in ${H5_DIR} (npm run build:h5, or set H5_DIR)`)
  fs.mkdirSync(OUT, { recursive: true })
  const server = await startServer()
  let browser
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
    })
    const s = await seed(await sampleScan(browser))

    const phone = await context(browser, s.me, 'phone')
    const page = await phone.newPage()
    await page.goto('/pages/index/index')
    await page.getByText('热门事项').first().waitFor().catch(() => undefined)
    await page.waitForLoadState('networkidle')
    await shoot(page, 'home')

    await page.goto(`/subpackages/guide/pages/detail/index?id=${s.business.id}`)
    await page.getByText('申请材料').first().waitFor()
    await shoot(page, 'guide')

    await page.goto(`/subpackages/booking/pages/book/index?serviceId=${s.idCard.id}`)
    // a service offered at several halls asks for the hall first (none is chosen silently)
    await page.getByText('1. 选择办理大厅').first().waitFor()
    const hall = page.getByRole('radio').locator('visible=true').first()
    if ((await hall.count()) > 0 && (await hall.getAttribute('aria-checked')) !== 'true') await hall.click()
    await page.getByText('2. 选择日期').first().waitFor()
    const pick = page.getByRole('button', { name: /^选择 / }).first()
    await pick.waitFor()
    await pick.click()
    await page.getByText('2. 选择日期').first().scrollIntoViewIfNeeded()
    await page.evaluate(() => {
      const el = Array.from(document.querySelectorAll('.section-title')).find((e) => e.textContent?.startsWith('2. 选择日期'))
      el?.scrollIntoView({ block: 'start' })
    })
    await shoot(page, 'booking-calendar')

    await page.goto(`/subpackages/booking/pages/detail/index?id=${s.booking.id}`)
    await page.locator('img.booking__qr, .booking__qr img').first().waitFor()
    await shoot(page, 'booking-qr')

    await page.goto('/subpackages/applications/pages/mine/index')
    await page.getByText(s.business.name).first().waitFor()
    await shoot(page, 'my-filings')

    await page.goto(`/subpackages/applications/pages/detail/index?id=${s.accepted.id}`)
    await page.getByText('办理进度').first().waitFor()
    await page.evaluate(() => {
      const el = Array.from(document.querySelectorAll('.section-title')).find((e) => e.textContent === '办理进度')
      el?.scrollIntoView({ block: 'start' })
    })
    await shoot(page, 'filing-timeline')
    await phone.close()

    const desk = await context(browser, s.staff, 'desk')
    const dp = await desk.newPage()
    await dp.goto(`/subpackages/staff/pages/review/index?id=${s.waiting.id}`)
    await dp.locator('.st-material').first().waitFor()
    await dp.locator('img[alt^="材料图片"]').first().waitFor().catch(() => undefined)
    await shoot(dp, 'staff-prereview')
    await desk.close()

    const adminDesk = await context(browser, s.admin, 'desk')
    const ap = await adminDesk.newPage()
    await ap.goto('/subpackages/admin/pages/stats/index')
    await ap.getByRole('figure', { name: '评价分布' }).waitFor()
    await shoot(ap, 'admin-stats')
    await adminDesk.close()
  } finally {
    await browser?.close()
    server.kill('SIGTERM')
  }
  const total = fs.readdirSync(OUT).filter((f) => f.endsWith('.png')).reduce((n, f) => n + fs.statSync(path.join(OUT, f)).size, 0)
  console.log(`docs/screenshots: ${(total / 1024).toFixed(0)} KB in all`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
