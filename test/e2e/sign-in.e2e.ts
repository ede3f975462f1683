import { e2ePhone, phonePage, screenshot, useBrowser } from './browser';
import { fillField, seeText, signInWithSms, tap } from './actions';

describe('sign-in on the H5 build', () => {
  const browser = useBrowser();

  it('signs in with the dev SMS code and sees the masked phone on 我的, then verifies the real name', async () => {
    const { page, context } = await phonePage(browser());
    const phone = e2ePhone();
    await signInWithSms(page, phone);
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    await seeText(page, masked);
    expect(await page.content()).not.toContain(phone);
    await screenshot(page, 'me-signed-in');

    await tap(page, '实名认证');
    await fillField(page, '姓名', '张三');
    await fillField(page, '身份证号', '11010519491231002X');
    await tap(page, '提交');
    await seeText(page, '110***********002X');
    expect(await page.content()).not.toContain('11010519491231002X');

    // the session survives a reload
    await page.reload();
    await seeText(page, masked);
    await context.close();
  });
});
