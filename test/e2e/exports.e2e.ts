import * as ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { e2ePhone, screenshot, signedInAt, useBrowser } from './browser';
import { admin, call, citizen, signedInContext, slotTodayAtCityHall, staff01, submittedFiling } from './staff.helpers';

/** A journey through a page and a download takes longer than jest's default 5 s. */
const JOURNEY_MS = 120_000;

/** A phone number as staff pages and exports show it. */
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** Press the page's 导出 button and read the spreadsheet the browser saved, by sheet: rows of cell texts. */
async function exportVia(page: Page, label: string): Promise<{ fileName: string; rows: (sheet: string) => string[][] }> {
  const button = page.getByRole('button', { name: label }).first();
  await button.waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  return {
    fileName: download.suggestedFilename(),
    rows: (sheet) => {
      const ws = wb.getWorksheet(sheet);
      if (!ws) throw new Error(`no sheet ${sheet} in ${download.suggestedFilename()}`);
      const out: string[][] = [];
      ws.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
      return out;
    },
  };
}

/**
 * The hall office's spreadsheets from the staff pages (issue 19, 导出): on the desk, a clerk downloads
 * the day's bookings and the month's filings; the files open (read back with exceljs) and hold the rows
 * the clerk knows, with the applicant's phone masked.
 */
describe('导出 on the staff pages (H5, desk)', () => {
  const browser = useBrowser();

  it('downloads the day’s bookings: the booking the desk registered is there, with its code and the phone masked', async () => {
    const staff = await staff01();
    const { service: s, slot } = await slotTodayAtCityHall((await admin()).accessToken);
    const phone = e2ePhone();
    const booked = await call<{ code: string; day: string }>('POST', '/api/staff/bookings', { token: staff.accessToken, body: { slotId: slot.id, serviceId: s.id, name: '赵丽华', phone } });

    const { page, context } = await signedInAt(browser(), staff, 'desk', '/subpackages/staff/pages/bookings/index');
    await page.locator('.st-booking').filter({ hasText: booked.code }).first().waitFor({ state: 'visible' });
    const sheet = await exportVia(page, '导出当天预约');
    expect(sheet.fileName).toMatch(/^预约签到-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = sheet.rows('预约签到');
    expect(rows[0]).toEqual(['预约码', '事项', '预约时段', '状态', '签到时间', '是否爽约', '申请人', '手机号']);
    const mine = rows.find((r) => r[0] === booked.code);
    expect(mine).toBeDefined();
    expect(mine![1]).toBe(s.name);
    expect(mine!.slice(6)).toEqual(['赵*华', masked(phone)]);
    expect(JSON.stringify(rows)).not.toContain(phone);
    await screenshot(page, 'staff-export-bookings');
    await context.close();
  }, JOURNEY_MS);

  it('downloads this month’s filings: a filing submitted today is there, with its number, its state and the phone masked', async () => {
    const person = await citizen('钱文静');
    const filing = await submittedFiling(person);
    const { page, context } = await signedInContext(browser(), await staff01(), 'desk');
    await page.goto('/subpackages/staff/pages/filings/index');
    const sheet = await exportVia(page, '导出本月办件');
    expect(sheet.fileName).toMatch(/^办件-\d{4}-\d{2}\.xlsx$/);
    const rows = sheet.rows('办件');
    expect(rows[0].slice(0, 4)).toEqual(['办件编号', '受理号', '事项', '状态']);
    const mine = rows.find((r) => r[0] === filing.number);
    expect(mine).toBeDefined();
    expect(mine![2]).toBe(filing.serviceName);
    expect(mine![3]).toBe('待预审');
    expect(mine).toContain('钱*静');
    expect(mine).toContain(masked(person.phone));
    expect(JSON.stringify(rows)).not.toContain(person.phone);
    await context.close();
  }, JOURNEY_MS);
});
