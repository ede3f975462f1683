import { signedInAt, useBrowser } from './browser';
import { fillField, tap } from './actions';
import { api, expectAccessible, findService, seeVisible, shot, staff01Login, verifiedCitizen } from './citizen.helpers';
import { fill, signedInContext, staff01 } from './staff.helpers';

describe('智能导办 and 咨询 on the H5 build', () => {
  const browser = useBrowser();

  it('from 首页: answers 开办餐饮店 one question at a time, opens a listed guide, asks there, and reads the answer naming who gave it', async () => {
    const citizen = await verifiedCitizen('王小二');
    const { page, context } = await signedInAt(browser(), citizen, 'phone', '/pages/index/index');
    await tap(page, '智能导办');
    // the topic on the topics page: 首页 (still under it) lists a 开办餐饮店 一件事 too
    await page.locator('.guidance__topic').filter({ hasText: '开办餐饮店' }).click();

    await seeVisible(page, '第 1/3 题');
    await page.getByRole('button', { name: '个体工商户' }).click();
    await seeVisible(page, '第 2/3 题');
    await page.getByRole('button', { name: '否' }).click();
    await seeVisible(page, '第 3/3 题');
    await page.getByRole('button', { name: '是' }).click();

    await seeVisible(page, '您需要办理的事项');
    await seeVisible(page, '1. 个体工商户设立登记');
    await seeVisible(page, '2. 食品经营许可');
    await seeVisible(page, '从业人员健康证明');
    expect(await page.getByText('公共场所卫生许可').count()).toBe(0);
    await shot(page, 'citizen-guidance-plan');
    await expectAccessible(page, '智能导办结果');

    await page.getByRole('button', { name: /食品经营许可/ }).click();
    await seeVisible(page, '申请材料');
    await page.getByRole('button', { name: /在线咨询/ }).click();
    await fillField(page, '您的问题', '小吃店需要单独的仓库吗？');
    await page.getByRole('button', { name: '提交咨询' }).click();
    await seeVisible(page, '待答复');
    await seeVisible(page, '答复期限');

    const mine = await api<Array<{ id: string }>>('GET', '/api/consultations', { token: citizen.accessToken });
    const staff = await staff01Login();
    await api('POST', `/api/staff/consultations/${mine[0].id}/answer`, { token: staff.accessToken, body: { answer: '不需要，设有专门存放食品的区域即可。' } });
    await page.reload();
    await seeVisible(page, '已答复');
    await seeVisible(page, '不需要，设有专门存放食品的区域即可。');
    await seeVisible(page, '王窗口');
    await shot(page, 'citizen-consultation-answered');
    await context.close();
  });
});

describe('咨询 and 帮办代办 at the staff desk (H5)', () => {
  const browser = useBrowser();

  it('a window answers a question from the desk list (named as first responder) and takes on a request for help', async () => {
    const citizen = await verifiedCitizen('赵老汉');
    const service = await findService('个体工商户设立登记', '个体工商户设立登记');
    const q = await api<{ id: string }>('POST', '/api/consultations', { token: citizen.accessToken, body: { serviceId: service.id, question: '营业执照多久能拿到？' } });
    await api('POST', '/api/assistance-requests', { token: citizen.accessToken, body: { serviceId: service.id, kind: 'one_to_one', note: '腿脚不便，无法到大厅' } });

    const { page, context } = await signedInContext(browser(), await staff01(), 'desk');
    await page.goto('/subpackages/staff/pages/consultations/index');
    const item = page.locator('.st-item').filter({ hasText: '营业执照多久能拿到？' });
    await item.waitFor({ state: 'visible' });
    await item.getByRole('button', { name: '答复' }).click();
    await fill(page, '答复内容', '材料齐全的当场办结。');
    // the answer links a guide: the asked service's unless the window picks another
    const sheet = page.getByRole('dialog');
    await sheet.getByText('个体工商户设立登记').first().waitFor({ state: 'visible' });
    await sheet.getByRole('button', { name: '更换' }).click();
    await fill(page, '搜索事项', '食品经营许可');
    await sheet.getByRole('radio', { name: '食品经营许可' }).click();
    await sheet.getByRole('button', { name: '提交答复' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
    const seen = await api<{ status: string; answeredBy: string }>('GET', `/api/consultations/${q.id}`, { token: citizen.accessToken });
    expect(seen).toMatchObject({ status: 'answered', answeredBy: '王窗口', guide: { serviceName: '食品经营许可' } });

    await page.goto('/subpackages/staff/pages/assistance/index');
    const help = page.locator('.st-item').filter({ hasText: '腿脚不便，无法到大厅' });
    await help.waitFor({ state: 'visible' });
    await expectAccessible(page, '帮办代办（工作台）');
    await help.getByRole('button', { name: '由我帮办' }).click();
    await help.waitFor({ state: 'detached' });
    const mine = await api<Array<{ helper: { name: string } | null }>>('GET', '/api/assistance-requests', { token: citizen.accessToken });
    expect(mine[0].helper?.name).toBe('王窗口');
    await context.close();
  });
});
