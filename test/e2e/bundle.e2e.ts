import { dateLabel } from '@gov/shared';
import { SEED_DEPARTMENTS } from '../../server/src/database/seeds/catalog.data';
import { signedInAt, useBrowser } from './browser';
import { expectAccessible, pdfBytes, pngBytes, seeVisible, shot, withServerClock } from './citizen.helpers';
import { admin, call, citizen, fill, press, signedInContext, staff01, staffTokens, type Tokens } from './staff.helpers';

interface Part {
  id: string;
  serviceName: string;
  departmentId: string;
  departmentName: string;
  status: string;
  materialIds: string[];
  dueAt: string | null;
  certificate: null | { id: string; type: string };
}

/**
 * 一件事 on the H5 build (issue 17): from the home page's 一件事一次办 entry the applicant opens
 * 开办餐饮店, sees its services, departments and the merged checklist (a material two services ask
 * for listed once), applies, uploads each material once and submits; each department pre-reviews
 * and decides its own part (staff through the API), but one that never answers and is deemed to
 * agree when its time ends (超时默认); the filing page shows the parts side by side with their own
 * due dates, and at the end the combined result with each part's certificate.
 */
describe('一件事 bundles on the H5 build', () => {
  const browser = useBrowser();

  it('applies for 开办餐饮店 from the home page, uploads the merged checklist once, and follows the parts to the combined result', async () => {
    const bundles = await call<Array<{ id: string; name: string }>>('GET', '/api/bundles');
    const summary = bundles.find((b) => b.name === '开办餐饮店');
    expect(summary).toBeDefined();
    const bundle = await call<any>('GET', `/api/bundles/${summary!.id}`);
    // the merged checklist: each material once, and at least one that several services ask for
    const names: string[] = bundle.materials.map((m: any) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const shared = bundle.materials.find((m: any) => m.serviceIds.length > 1);
    expect(shared).toBeDefined();
    expect(bundle.services.length).toBeGreaterThanOrEqual(2);

    const person = await citizen('钱餐饮');
    const { page, context } = await signedInAt(browser(), person, 'phone', '/pages/index/index');
    await seeVisible(page, '一件事一次办');
    await page.getByRole('group', { name: '一件事一次办' }).getByRole('button', { name: /^新生儿出生/ }).waitFor({ state: 'visible' });
    await expectAccessible(page, '首页（一件事一次办）');
    await page.getByRole('group', { name: '一件事一次办' }).getByRole('button', { name: /^开办餐饮店/ }).click();

    // the bundle: its services with their departments, and the merged checklist
    await seeVisible(page, `一次申请办理 ${bundle.services.length} 个事项，涉及 ${bundle.departments.length} 个部门，各部门并联审批`);
    for (const s of bundle.services) await seeVisible(page, `${s.departmentName} · 承诺${s.promisedDays}个工作日 · 办事指南 ›`);
    await seeVisible(page, `合并材料清单（${bundle.materials.length} 项，共用材料只交一次）`);
    for (const name of names) expect(await page.getByRole('group', { name, exact: true }).locator('visible=true').count()).toBe(1);
    await page.getByRole('group', { name: shared.name, exact: true }).getByText(`${shared.serviceIds.length} 个事项共用`).waitFor({ state: 'visible' });
    await shot(page, 'citizen-bundle');
    await expectAccessible(page, '一件事（开办餐饮店）');

    // 申请: one filing for the whole bundle, opened on the filing page with one part per service
    await page.getByRole('button', { name: '申请', exact: true }).click();
    await seeVisible(page, '请逐项上传材料后提交预审');
    await seeVisible(page, /办件编号：ZW\d{8}-\d{6}/);
    await seeVisible(page, `各部门办理进度（${bundle.services.length} 个事项并联审批）`);
    const [created] = await call<any[]>('GET', '/api/applications', { token: person.accessToken });
    const filing = await call<any>('GET', `/api/applications/${created.id}`, { token: person.accessToken });
    expect(filing.parts).toHaveLength(bundle.services.length);
    for (const p of filing.parts as Part[]) {
      await page.getByRole('group', { name: `${p.departmentName}：${p.serviceName}` }).getByText('待提交', { exact: true }).waitFor({ state: 'visible' });
    }
    // the shared material is one card on the filing too, marked as asked for once
    expect(filing.materials.filter((m: any) => m.name === shared.name)).toHaveLength(1);
    await page.getByRole('group', { name: shared.name, exact: true }).getByText(`${shared.serviceIds.length} 个事项共用，只交一次`).waitFor({ state: 'visible' });

    // one upload per material of the merged checklist (required ones), each once
    const required = (filing.materials as any[]).filter((m) => m.required && !m.reusedFrom);
    for (const [i, m] of required.entries()) {
      const file = i === 0 ? { name: `材料${i + 1}.png`, mimeType: 'image/png', buffer: pngBytes() } : { name: `材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes(`bundle-${i}`) };
      // exact names: one material's name may begin another's (经营场所平面布局图 …)
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: `上传文件：${m.name}`, exact: true }).click()]);
      await chooser.setFiles(file);
      await page.getByRole('button', { name: `查看 ${file.name}` }).waitFor();
    }
    await shot(page, 'citizen-bundle-draft');
    await page.getByRole('button', { name: '提交预审' }).click();
    await seeVisible(page, '等待预审');
    for (let i = 0; i < 50; i++) {
      if ((await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken })).status === 'submitted') break;
      await page.waitForTimeout(200);
    }
    const submitted = await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect(submitted.status).toBe('submitted');
    expect((submitted.parts as Part[]).map((p) => p.status)).toEqual(submitted.parts.map(() => 'prereview'));
    await page.reload();
    for (const p of submitted.parts as Part[]) {
      await page.getByRole('group', { name: `${p.departmentName}：${p.serviceName}` }).getByText('待部门预审', { exact: true }).waitFor({ state: 'visible' });
    }

    // each department pre-reviews its own part (its reviewer at the filing's hall); the window accepts
    const clerk = await staff01();
    const boss = await admin();
    const reviewers = new Map<string, Tokens>();
    const reviewerOf = async (p: Part): Promise<Tokens> => {
      const key = SEED_DEPARTMENTS.find((d) => d.name === p.departmentName)?.key;
      if (!reviewers.has(p.departmentId)) {
        const hallNo = clerk.user.hallId === filing.hallId ? '01' : null;
        const own = key && hallNo ? await staffTokens(`review${hallNo}.${key}`, 'Staff@2026').catch(() => null) : null;
        reviewers.set(p.departmentId, own ?? boss);
      }
      return reviewers.get(p.departmentId)!;
    };
    for (const p of submitted.parts as Part[]) {
      await call('POST', `/api/staff/applications/${filing.id}/parts/${p.id}/prereview`, {
        token: (await reviewerOf(p)).accessToken,
        body: { decisions: p.materialIds.map((materialId) => ({ materialId, ok: true, reason: null })) },
      });
    }
    expect((await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken })).status).toBe('prereview_passed');
    await call('POST', `/api/staff/applications/${filing.id}/accept`, { token: (clerk.user.hallId === filing.hallId ? clerk : boss).accessToken });

    // accepted: each part has its own due date, the whole is due on the slowest part's
    const accepted = await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect(accepted.status).toBe('accepted');
    const parts = accepted.parts as Part[];
    const latest = parts.map((p) => p.dueAt!).sort().at(-1)!;
    expect(accepted.dueAt).toBe(latest);
    await page.reload();
    await seeVisible(page, `${dateLabel(accepted.dueAt)} 前（以最慢的事项为准）`);
    for (const p of parts) {
      const card = page.getByRole('group', { name: `${p.departmentName}：${p.serviceName}` });
      await card.getByText('已受理', { exact: true }).waitFor({ state: 'visible' });
      await card.getByText(`办结期限：${dateLabel(p.dueAt!)} 前`).waitFor({ state: 'visible' });
    }
    await page.getByText(`各部门办理进度（${parts.length} 个事项并联审批）`).locator('visible=true').first().scrollIntoViewIfNeeded();
    await shot(page, 'citizen-bundle-parts');
    await expectAccessible(page, '办件详情（一件事，已受理）');
    // side by side on a phone; one under the other in large-font mode (大字模式)
    const boxes = async () => Promise.all(parts.slice(0, 2).map(async (p) => (await page.getByRole('group', { name: `${p.departmentName}：${p.serviceName}` }).boundingBox())!));
    const [a, b] = await boxes();
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    await page.evaluate(() => window.localStorage.setItem('gov.settings.v1', JSON.stringify({ data: { largeFont: true } })));
    await page.reload();
    await seeVisible(page, `各部门办理进度（${parts.length} 个事项并联审批）`);
    const [la, lb] = await boxes();
    expect(Math.abs(la.x - lb.x)).toBeLessThan(2);
    expect(lb.y).toBeGreaterThan(la.y + la.height - 1);
    await page.getByRole('group', { name: `${parts[0].departmentName}：${parts[0].serviceName}` }).scrollIntoViewIfNeeded();
    await shot(page, 'citizen-bundle-parts-large');
    await page.evaluate(() => window.localStorage.setItem('gov.settings.v1', JSON.stringify({ data: { largeFont: false } })));

    // the first part is decided while the others are still open: shown side by side
    const [first, ...rest] = parts;
    const decide = async (p: Part) => {
      const token = (await reviewerOf(p)).accessToken;
      await call('POST', `/api/staff/applications/${filing.id}/parts/${p.id}/advance`, { token, body: { to: 'under_review' } });
      await call('POST', `/api/staff/applications/${filing.id}/parts/${p.id}/advance`, { token, body: { to: 'approved', note: '符合条件，准予许可' } });
    };
    // at the desk: the first part's department reviewer opens its review and approves it, part by part
    const desk = await signedInContext(browser(), await reviewerOf(first), 'desk');
    await desk.page.goto(`/subpackages/staff/pages/review/index?id=${filing.id}`);
    await seeVisible(desk.page, `一件事各部门（${parts.length} 个事项并联审批）`);
    await press(desk.page, `${first.departmentName}：进入审查`);
    await press(desk.page, '进入审查', 'last');
    await desk.page.getByRole('group', { name: `${first.departmentName}：${first.serviceName}` }).getByText('审查中', { exact: true }).waitFor({ state: 'visible' });
    await desk.page.getByRole('group', { name: `${first.departmentName}：${first.serviceName}` }).getByRole('button', { name: `${first.departmentName}：准予许可` }).click();
    await fill(desk.page, '决定说明', '符合条件，准予许可');
    await press(desk.page, '准予许可', 'last');
    await desk.page.getByRole('group', { name: `${first.departmentName}：${first.serviceName}` }).getByText('准予许可', { exact: true }).waitFor({ state: 'visible' });
    await shot(desk.page, 'staff-bundle-parts');
    await expectAccessible(desk.page, '办件审查（一件事）');
    await desk.context.close();
    await page.reload();
    await page.getByRole('group', { name: `${first.departmentName}：${first.serviceName}` }).getByText('准予许可', { exact: true }).waitFor({ state: 'visible' });
    await page.getByRole('group', { name: `${rest[0].departmentName}：${rest[0].serviceName}` }).getByText('已受理', { exact: true }).waitFor({ state: 'visible' });
    expect(await page.getByText('办结结果').count()).toBe(0);

    // the other departments decide, but for the last: it does not answer within its time (超时默认)
    const last = rest.at(-1)!;
    for (const p of rest.slice(0, -1)) await decide(p);
    await withServerClock(new Date(new Date(last.dueAt!).getTime() + 3_600_000), async () => {
      // (a token from before the jump has expired by then)
      const later = await admin();
      await call('POST', '/api/admin/jobs/deemed-agreement/run', { token: later.accessToken });
    });
    const done = await call<any>('GET', `/api/applications/${filing.id}`, { token: person.accessToken });
    expect((done.parts as Part[]).map((p) => p.status)).toEqual([...parts.slice(0, -1).map(() => 'approved'), 'deemed_approved']);
    expect(done.status).toBe('approved');
    const certified = (done.parts as Part[]).filter((p) => p.certificate);
    expect(certified.length).toBeGreaterThan(0);
    await page.reload();
    const deemedCard = page.getByRole('group', { name: `${last.departmentName}：${last.serviceName}` });
    await deemedCard.getByText('超时默认同意', { exact: true }).waitFor({ state: 'visible' });
    await deemedCard.getByText('超时默认：部门未在期限内答复，视为同意').waitFor({ state: 'visible' });

    // the combined result: each part with its outcome and its certificate
    await page.reload();
    await seeVisible(page, '办结结果');
    await seeVisible(page, `本次一件事共 ${parts.length} 个事项，已全部办结：`);
    const result = page.getByRole('group', { name: '一件事办结结果' });
    for (const p of done.parts as Part[]) {
      await result.getByText(p.serviceName, { exact: true }).waitFor({ state: 'visible' });
      if (p.certificate) await result.getByRole('group', { name: p.serviceName }).getByRole('button', { name: `查看电子证照《${p.certificate.type}》` }).waitFor({ state: 'visible' });
    }
    await result.scrollIntoViewIfNeeded();
    await shot(page, 'citizen-bundle-result');
    await expectAccessible(page, '办件详情（一件事，已办结）');

    // a part's certificate opens from the result
    const cert = certified[0];
    await result.getByRole('group', { name: cert.serviceName }).getByRole('button', { name: `查看电子证照《${cert.certificate!.type}》` }).click();
    await seeVisible(page, cert.certificate!.type);
    await context.close();
  });
});
