import * as ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { expectErrorShape } from './helpers/http';
import { sql } from './helpers/test-app';
import { APPLICATION_STATUS_LABELS, maskName } from '@gov/shared';
import { refreshed, Session, TEST_REAL_NAME, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** The hall office's spreadsheets (API.md Staff exports): what a clerk opens in Excel, numbers masked. */
describe('staff exports', () => {
  const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
  const api = f.api;

  /** The export as a downloaded file, opened as a spreadsheet opens it. */
  const download = async (path: string, token: string) => {
    const res = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    return wb;
  };
  const rowsOf = (wb: ExcelJS.Workbook, sheet: string): string[][] => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const out: string[][] = [];
    ws.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
    return out;
  };

  let citizens: Session[] = [];
  const codes: string[] = [];
  const bookingIds: string[] = [];

  beforeAll(async () => {
    const slotId = await f.slot('2026-12-07T01:00:00.000Z', { capacity: 10 });
    citizens = [(await verifiedCitizen(api)) as Session, (await verifiedCitizen(api)) as Session];
    for (const c of citizens) {
      const b = await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: (await refreshed(api, c)).token });
      expect(b.status).toBe(201);
      codes.push(b.body.code);
      bookingIds.push(b.body.id);
    }
    expect((await api.post('/api/staff/bookings/check-in', { code: codes[0] }, { token: f.world.staff.token })).status).toBe(200);
  });

  it("gives staff the day's bookings of their hall with check-in and masked phones", async () => {
    const rows = rowsOf(await download('/api/staff/exports/bookings.xlsx?date=2026-12-07', f.world.staff.token), '预约签到');
    expect(rows[0]).toEqual(['预约码', '事项', '预约时段', '状态', '签到时间', '是否爽约', '申请人', '手机号']);
    expect(rows).toHaveLength(3);
    const [first, second] = codes.map((code) => rows.find((r) => r[0] === code)!);
    expect(first).toEqual([codes[0], f.world.service.name, '09:00-09:30', '已签到', '2026-12-07 08:00', '否', maskName(TEST_REAL_NAME), `${citizens[0].phone.slice(0, 3)}****${citizens[0].phone.slice(-4)}`]);
    expect(second.slice(3, 6)).toEqual(['待签到', '', '否']);
    expect(JSON.stringify(rows)).not.toContain(citizens[1].phone);

    const otherDay = rowsOf(await download('/api/staff/exports/bookings.xlsx?date=2026-12-08', f.world.staff.token), '预约签到');
    expect(otherDay).toHaveLength(1); // the header only
  });

  it('streams a busy day across pages: every booking once, in time order, even when many share a start', async () => {
    const n = 1234; // more than two pages of 500, all at 10:00 or 10:30 (the keyset's ties)
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const start = new Date(Date.parse('2026-12-09T02:00:00.000Z') + (i % 2) * 30 * 60_000);
      rows.push([randomUUID(), citizens[i % 2].user.id, citizens[i % 2].user.id, `bench:${i}`, randomUUID(), f.world.service.id, f.world.hallId, '2026-12-09', start, new Date(start.getTime() + 30 * 60_000), 'regular', 'cancelled', `P${String(i).padStart(6, '0')}`, start]);
    }
    await sql(f.t.config.database.url!, 'INSERT INTO bookings (id, user_id, actor_id, principal_key, slot_id, service_id, hall_id, day, start_at, end_at, kind, status, code, created_at) VALUES ?', [rows]);
    const sheet = rowsOf(await download('/api/staff/exports/bookings.xlsx?date=2026-12-09', f.world.staff.token), '预约签到').slice(1);
    expect(sheet).toHaveLength(n);
    expect(new Set(sheet.map((r) => r[0])).size).toBe(n);
    expect(sheet.map((r) => r[2])).toEqual([...Array(n / 2).fill('10:00-10:30'), ...Array(n / 2).fill('10:30-11:00')]);
  });

  it('gives full numbers only to an admin who asks, and audits that export', async () => {
    expectErrorShape(await api.get('/api/staff/exports/bookings.xlsx?date=2026-12-07&unmasked=true', { token: f.world.staff.token }), 403, 'FORBIDDEN');
    const wb = await download(`/api/staff/exports/bookings.xlsx?date=2026-12-07&unmasked=true&hallId=${f.world.hallId}`, f.world.admin);
    expect(JSON.stringify(rowsOf(wb, '预约签到'))).toContain(citizens[1].phone);
    const audit = await sql<{ data: string }>(f.t.config.database.url!, "SELECT data FROM audit_logs WHERE action = 'export.bookings' ORDER BY at");
    expect(audit.map((a) => JSON.parse(a.data))).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2026-12-07', unmasked: true })]));
  });

  it("refuses a citizen and a malformed month", async () => {
    expectErrorShape(await api.get('/api/staff/exports/bookings.xlsx', { token: citizens[0].token }), 403, 'FORBIDDEN');
    expectErrorShape(await api.get('/api/staff/exports/applications.xlsx?month=2026-13', { token: f.world.staff.token }), 400, 'VALIDATION_FAILED');
    expectErrorShape(await api.get('/api/staff/exports/satisfaction.xlsx?from=2026-12-09&to=2026-12-01', { token: f.world.staff.token }), 400, 'VALIDATION_FAILED');
  });

  it("gives the month's filings with their deadline, delivery and SLA state, not drafts or other months", async () => {
    const url = f.t.config.database.url!;
    const insert = (number: string, status: string, createdAt: string, extra: { accepted?: string; due?: string; delivered?: string; sla?: string } = {}) =>
      sql(
        url,
        `INSERT INTO applications (id, number, user_id, actor_id, service_id, hall_id, status, notice_count, submitted_at, accepted_at, due_at, delivered_at, sla, deemed_accepted, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, ?, ?)`,
        [randomUUID(), number, citizens[0].user.id, citizens[0].user.id, f.world.service.id, f.world.hallId, status, createdAt, extra.accepted ?? null, extra.due ?? null, extra.delivered ?? null, extra.sla ?? null, createdAt, createdAt],
      );
    await insert('ZW20261201-000001', 'delivered', '2026-12-01 02:00:00.000', { accepted: '2026-12-01 03:00:00.000', due: '2026-12-08 15:59:59.999', delivered: '2026-12-04 06:30:00.000', sla: 'on_track' });
    await insert('ZW20261202-000002', 'accepted', '2026-12-02 02:00:00.000', { accepted: '2026-12-02 03:00:00.000', due: '2026-12-07 15:59:59.999', sla: 'due_soon' });
    await insert('ZW20261203-000003', 'draft', '2026-12-03 02:00:00.000');
    await insert('ZW20261130-000004', 'submitted', '2026-11-30 15:00:00.000'); // 23:00 on 30 November in Shanghai

    const rows = rowsOf(await download('/api/staff/exports/applications.xlsx?month=2026-12', f.world.staff.token), '办件');
    expect(rows.map((r) => r[0])).toEqual(['办件编号', 'ZW20261201-000001', 'ZW20261202-000002']);
    expect(rows[1]).toEqual([
      'ZW20261201-000001',
      '',
      f.world.service.name,
      APPLICATION_STATUS_LABELS.delivered,
      '2026-12-01 11:00',
      '2026-12-08 23:59',
      '2026-12-04 14:30',
      '正常',
      maskName(TEST_REAL_NAME),
      expect.stringMatching(/^\d{3}\*+[\dX]{2,4}$/),
      `${citizens[0].phone.slice(0, 3)}****${citizens[0].phone.slice(-4)}`,
    ]);
    expect(rows[2][7]).toBe('即将到期');
  });

  it('gives 好差评 by hall and department with the rate, and the 延时 and 回访 sheets', async () => {
    const rated = await api.post('/api/ratings', { targetType: 'booking', targetId: bookingIds[0], score: 5 }, { token: (await refreshed(api, citizens[0])).token });
    expect(rated.status).toBe(201);
    const wb = await download('/api/staff/exports/satisfaction.xlsx?from=2026-12-01&to=2026-12-31', f.world.staff.token);
    const stats = rowsOf(wb, '好差评统计');
    expect(stats[0]).toEqual(['大厅', '部门', '评价数', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '满意率']);
    expect(stats).toHaveLength(2);
    expect(stats[1].slice(2)).toEqual(['1', '1', '0', '0', '0', '0', '100.00%']);
    expect(rowsOf(wb, '延时服务')[0]).toContain('超出分钟数');
    expect(rowsOf(wb, '回访记录')[0]).toContain('办件编号');
  });
});
