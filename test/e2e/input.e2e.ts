import { e2ePhone, phonePage, useBrowser } from './browser';
import { fillField, seeText, signInWithSms, tap } from './actions';

/**
 * Input as people type it (issue 14): a phone pasted with +86 and spaces signs in; a name with a rare
 * character (CJK Extension B) verifies; a passport holder verifies with the Latin name.
 */
describe('input as people type it, on the H5 build', () => {
  const browser = useBrowser();

  /** Sign in typing the phone as `+86 137 1234 5678`; answers the masked phone shown on 我的. */
  const signInSpaced = async (page: Parameters<typeof signInWithSms>[0]) => {
    const phone = e2ePhone();
    await signInWithSms(page, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    await seeText(page, masked);
    return phone;
  };

  it('signs in with a phone typed with +86 and spaces, and verifies a name with a rare character', async () => {
    const { page, context } = await phonePage(browser());
    await signInSpaced(page);
    await tap(page, '实名认证');
    await fillField(page, '姓名', '王𠈌');
    await fillField(page, '身份证号', '320102198001011238'); // one account per document: not sign-in.e2e's number
    await tap(page, '提交');
    await seeText(page, '320***********1238');
    await seeText(page, /王𠈌/);
    await context.close();
  });

  it('verifies a passport holder with the Latin name, upper-cased', async () => {
    const { page, context } = await phonePage(browser());
    await signInSpaced(page);
    await tap(page, '实名认证');
    await page.getByRole('tab', { name: '护照' }).click();
    await fillField(page, '姓名', 'anna  maria müller');
    await tap(page, '提交');
    await seeText(page, '请输入证件号码');
    await fillField(page, '证件号码', 'c01x 0042 7');
    await tap(page, '提交');
    await seeText(page, 'C0*****27');
    await seeText(page, '护照'); // the document, beside its masked number
    await seeText(page, /ANNA MARIA MÜLLER/);
    expect(await page.content()).not.toContain('C01X00427');
    await context.close();
  });
});
