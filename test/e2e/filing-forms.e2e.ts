import { Page } from 'playwright-core';
import { phonePage, signedInAt, useBrowser } from './browser';
import { api, expectAccessible, findService, guideOf, pdfBytes, seeVisible, shot, signInBrowser, uploadVia, verifiedCitizen } from './citizen.helpers';
import { validCreditCode } from './staff.helpers';

/** The citizen's forms: uploads checked before sending, the blank form as PDF, the hall chosen, and in whose name. */
describe('filing forms on the H5 build', () => {
  const browser = useBrowser();
  let service: { id: string; name: string };
  let guide: any;
  beforeAll(async () => {
    service = await findService('个体工商户', '个体工商户设立登记');
    guide = await guideOf(service.id);
    expect(guide.halls.length).toBeGreaterThan(1);
  });

  /** POSTs to a material's upload route that left the browser. */
  function countUploads(page: Page): () => number {
    let n = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/applications\/[^/]+\/materials\/[^/]+\/files$/.test(r.url())) n++;
    });
    return () => n;
  }

  const ariaDisabled = async (page: Page, name: string) =>
    (await page.getByRole('button', { name }).locator('visible=true').first().getAttribute('aria-disabled')) === 'true';

  it('refuses an oversized file before sending it, and holds back 提交预审 while an upload runs', async () => {
    const citizen = await verifiedCitizen('郑一');
    const draft = await api('POST', '/api/applications', { token: citizen.accessToken, body: { serviceId: service.id, hallId: guide.halls[0].id } });
    expect(draft.materials.length).toBeGreaterThan(0);
    const limits = (await api('GET', `/api/applications/${draft.id}`, { token: citizen.accessToken })).uploadLimits;
    expect(limits).toEqual({ maxBytes: 20 * 1024 * 1024, maxFilesPerMaterial: expect.any(Number), contentTypes: ['application/pdf', 'image/jpeg', 'image/png'] });
    const material = draft.materials[0];

    const { page, context } = await phonePage(browser());
    await signInBrowser(context, citizen);
    const uploads = countUploads(page);
    await page.goto(`/subpackages/applications/pages/detail/index?id=${draft.id}`);
    await seeVisible(page, '支持 PDF、JPG、PNG，单个不超过 20 MB，每项最多 10 个；照片会自动压缩后上传');

    // 21 MB: refused in the browser, naming the file and the limit; nothing is sent
    const big = Buffer.concat([pdfBytes('big'), Buffer.alloc(21 * 1024 * 1024 - 200, 0x20)]);
    await uploadVia(page, `上传文件：${material.name}`, { name: '房产证扫描件.pdf', mimeType: 'application/pdf', buffer: big });
    await seeVisible(page, '“房产证扫描件.pdf”有 21 MB，超过单个文件 20 MB 的上限，请压缩或分页后再上传');
    // a type the server refuses: the same, before sending
    await uploadVia(page, `上传文件：${material.name}`, { name: '申请书.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004') });
    await seeVisible(page, '“申请书.docx”不是 PDF、JPG、PNG 文件，请换一个文件');
    await shot(page, 'filing-upload-refused');
    expect(uploads()).toBe(0);

    // an upload on its way: 提交预审 and 撤回申请 wait for it, and the page says why
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/applications/*/materials/*/files', async (route) => {
      await held;
      await route.continue();
    });
    expect(await ariaDisabled(page, '提交预审')).toBe(false);
    await uploadVia(page, `上传文件：${material.name}`, { name: '身份证明.pdf', mimeType: 'application/pdf', buffer: pdfBytes('id') });
    await seeVisible(page, /正在上传 身份证明\.pdf/);
    await seeVisible(page, '文件正在上传，上传完成后才能提交或撤回');
    expect(await ariaDisabled(page, '提交预审')).toBe(true);
    expect(await ariaDisabled(page, '撤回申请')).toBe(true);
    await page.getByRole('button', { name: '提交预审' }).click({ force: true });
    await shot(page, 'filing-upload-running');
    expect((await api('GET', `/api/applications/${draft.id}`, { token: citizen.accessToken })).status).toBe('draft');
    release();
    await page.getByRole('button', { name: '查看 身份证明.pdf' }).waitFor();
    await page.getByText('文件正在上传，上传完成后才能提交或撤回').waitFor({ state: 'hidden' });
    expect(await ariaDisabled(page, '提交预审')).toBe(false);
    expect(uploads()).toBe(1);
    await expectAccessible(page, '办件详情（上传后）');
    await context.close();
  });

  it('shrinks a large photo to a JPEG of at most 2000 px before sending it', async () => {
    const citizen = await verifiedCitizen('王二');
    const draft = await api('POST', '/api/applications', { token: citizen.accessToken, body: { serviceId: service.id, hallId: guide.halls[0].id } });
    const material = draft.materials[0];
    const { page, context } = await signedInAt(browser(), citizen, 'phone', `/subpackages/applications/pages/detail/index?id=${draft.id}`);
    await seeVisible(page, '请逐项上传材料后提交预审');
    // a 2400×1800 photo of noise as PNG (several MB, as a phone camera gives)
    const png = Buffer.from(
      await page.evaluate(async () => {
        const c = document.createElement('canvas');
        c.width = 2400;
        c.height = 1800;
        const ctx = c.getContext('2d')!;
        const img = ctx.createImageData(c.width, c.height);
        let x = 2463534242;
        for (let i = 0; i < img.data.length; i++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          img.data[i] = i % 4 === 3 ? 255 : x & 0xff;
        }
        ctx.putImageData(img, 0, 0);
        const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/png'));
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      }),
      'base64',
    );
    expect(png.length).toBeGreaterThan(2 * 1024 * 1024);
    await uploadVia(page, `上传文件：${material.name}`, { name: '现场照片.png', mimeType: 'image/png', buffer: png });
    // decoding, scaling and re-encoding a 2400×1800 photo is CPU work: allow a busy CI machine its time
    await page.getByRole('button', { name: '查看 现场照片.jpg' }).waitFor({ timeout: 90_000 });
    const stored = (await api('GET', `/api/applications/${draft.id}`, { token: citizen.accessToken })).materials.find((m: any) => m.materialId === material.materialId).files[0];
    expect(stored).toMatchObject({ name: '现场照片.jpg', contentType: 'image/jpeg' });
    expect(stored.size).toBeLessThan(png.length);
    const dims = await page.evaluate(async (id) => {
      const token = JSON.parse(localStorage.getItem('gov.session.v1')!).data.accessToken;
      const blob = await (await fetch(`/api/files/${id}`, { headers: { Authorization: `Bearer ${token}` } })).blob();
      const bmp = await createImageBitmap(blob);
      return [bmp.width, bmp.height];
    }, stored.id);
    expect(dims).toEqual([2000, 1500]);
    await context.close();
  });

  it('downloads the blank form of a material as a PDF named after it', async () => {
    const form = guide.materials.find((m: any) => m.templateUrl);
    const { page, context } = await phonePage(browser());
    await page.goto(`/subpackages/guide/pages/detail/index?id=${service.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `下载空白表格：${form.name}（PDF）` }).click()]);
    expect(download.suggestedFilename()).toBe(`${form.name}.pdf`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('makes the user choose the hall of a service offered at several, on the filing, booking and off-hours forms', async () => {
    const citizen = await verifiedCitizen('冯三');
    const { page, context } = await phonePage(browser());
    await signInBrowser(context, citizen);
    const halls = page.getByRole('radiogroup', { name: '办理大厅' }).locator('visible=true').getByRole('radio');

    // filing: nothing chosen for the user, 开始申报 waits for a choice
    await page.goto(`/subpackages/applications/pages/new/index?serviceId=${service.id}`);
    await seeVisible(page, `该事项在 ${guide.halls.length} 个大厅办理，请选择要去的大厅`);
    expect(await halls.count()).toBe(guide.halls.length);
    for (const h of guide.halls) await page.getByRole('radio', { name: `${h.name}，${h.address}` }).waitFor({ state: 'visible' });
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await seeVisible(page, '请先选择办理大厅');
    expect(await ariaDisabled(page, '开始申报')).toBe(true);
    await shot(page, 'filing-hall-choice');
    await expectAccessible(page, '在线申报（选择大厅）');
    const chosen = guide.halls[1];
    await page.getByRole('radio', { name: `${chosen.name}，${chosen.address}` }).click();
    expect(await page.getByRole('radio', { name: `${chosen.name}，${chosen.address}` }).getAttribute('aria-checked')).toBe('true');
    await seeVisible(page, `办理大厅：${chosen.name}`);
    await page.getByRole('button', { name: '开始申报' }).click();
    await seeVisible(page, `办理大厅：${chosen.name}`);
    await seeVisible(page, /办件编号：ZW/);
    const [made] = await api<any[]>('GET', '/api/applications', { token: citizen.accessToken });
    expect(made.hallId).toBe(chosen.id);

    // booking: the same choice, nothing picked in advance
    await page.goto(`/subpackages/booking/pages/book/index?serviceId=${service.id}`);
    await seeVisible(page, `该事项在 ${guide.halls.length} 个大厅办理，请选择要去的大厅`);
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await seeVisible(page, '请先选择办理大厅');
    expect(await ariaDisabled(page, '确认预约')).toBe(true);

    // off-hours, opened from a hall's booking page: that hall is chosen, the others offered
    await page.goto(`/subpackages/booking/pages/offhours/index?serviceId=${service.id}&hallId=${chosen.id}`);
    await page.getByRole('radio', { name: `${chosen.name}，${chosen.address}` }).locator('visible=true').waitFor();
    expect(await page.getByRole('radio', { name: `${chosen.name}，${chosen.address}` }).locator('visible=true').getAttribute('aria-checked')).toBe('true');
    await seeVisible(page, `该事项在 ${guide.halls.length} 个大厅办理，可点选更换`);
    await context.close();
  });

  it('says in whose name a filing is made, goes back to 本人 after it, and labels 我的办件 by company', async () => {
    const owner = await verifiedCitizen('褚四');
    const realName = owner.user.realName as string;
    const company = await api('POST', '/api/enterprises', {
      token: owner.accessToken,
      body: { name: `清河云帆商贸有限公司${Date.now() % 100000}`, creditCode: validCreditCode(), legalRepName: realName },
    });
    // a personal filing first (API), then one for the company through the forms
    await api('POST', '/api/applications', { token: owner.accessToken, body: { serviceId: service.id, hallId: guide.halls[0].id } });

    const { page, context } = await signedInAt(browser(), owner, 'phone', `/subpackages/applications/pages/new/index?serviceId=${service.id}&hallId=${guide.halls[0].id}`);
    await seeVisible(page, `为 本人（${realName}） 办理`);
    await seeVisible(page, `将为 本人（${realName}） 办理`);
    // change it from the bar
    await page.getByRole('button', { name: new RegExp(`^为谁办理\\s*为 本人（${realName}） 办理\\s*更改$`) }).click();
    await page.getByRole('radio', { name: new RegExp(`^${company.name}，`) }).click();
    await seeVisible(page, `为 ${company.name}（企业） 办理`);
    await seeVisible(page, `将为 ${company.name}（企业） 办理`);
    await shot(page, 'filing-for-company');
    await page.getByRole('button', { name: '开始申报' }).click();
    await seeVisible(page, /办件编号：ZW/);
    await seeVisible(page, `企业：${company.name}`);
    // made: the choice is spent, the next form is in the user's own name again
    await page.waitForFunction(() => !window.localStorage.getItem('gov.acting.v1'));
    await page.goto(`/subpackages/booking/pages/book/index?serviceId=${service.id}`);
    await seeVisible(page, `为 本人（${realName}） 办理`);

    await page.goto('/subpackages/applications/pages/mine/index');
    const rows = page.locator('.list-item').locator('visible=true');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await page.locator('.list-item', { hasText: `企业：${company.name}` }).first().waitFor({ state: 'visible' });
    await page.locator('.list-item', { hasText: '本人办理' }).first().waitFor({ state: 'visible' });
    await shot(page, 'my-filings-labelled');
    await expectAccessible(page, '我的办件（按主体）');
    // filter by the company
    await page.getByRole('tab', { name: company.name }).click();
    await page.locator('.list-item', { hasText: '本人办理' }).first().waitFor({ state: 'hidden' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(`企业：${company.name}`);
    await page.getByRole('tab', { name: '本人' }).click();
    await page.locator('.list-item', { hasText: `企业：${company.name}` }).first().waitFor({ state: 'hidden' });
    expect(await rows.count()).toBe(1);
    await context.close();
  });
});
