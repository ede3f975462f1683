import { phonePage, useBrowser } from './browser';
import { fillField } from './actions';
import { expectAccessible, seeVisible, shot } from './citizen.helpers';

describe('service guides on the H5 build', () => {
  const browser = useBrowser();

  it('searches 营业执照 from 首页, opens the guide and sees the materials checklist', async () => {
    const { page, context } = await phonePage(browser());
    await page.goto('/pages/index/index');
    await seeVisible(page, '热门事项');
    await seeVisible(page, '个人办事');
    await seeVisible(page, '法人办事');
    await shot(page, 'citizen-home');
    await expectAccessible(page, '首页');

    await fillField(page, '搜索办事事项', '营业执照');
    await page.getByRole('button', { name: '搜索' }).first().click();
    await seeVisible(page, /“营业执照”的搜索结果/);
    await shot(page, 'citizen-guide-results');

    await page.locator('.guide-list').getByText('有限责任公司设立登记（营业执照）', { exact: true }).first().click();
    await seeVisible(page, '申请材料');
    await seeVisible(page, '必需');
    await seeVisible(page, '容缺');
    await seeVisible(page, '承诺时限（工作日）');
    await seeVisible(page, '办理流程');
    expect(await page.getByRole('button', { name: '拨打电话' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '预约办理' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '在线申报' }).isVisible()).toBe(true);
    // the checklist: tick one material as prepared
    const first = page.getByRole('checkbox').first();
    await first.click();
    expect(await first.getAttribute('aria-checked')).toBe('true');
    await shot(page, 'citizen-guide');
    await expectAccessible(page, '办事指南');
    await context.close();
  });

  it('browses 办事 by theme and by department', async () => {
    const { page, context } = await phonePage(browser());
    await page.goto('/pages/services/index');
    await page.getByRole('tab', { name: '法人办事' }).click();
    await seeVisible(page, '企业开办');
    await page.getByRole('tab', { name: '按部门' }).click();
    await seeVisible(page, /市场监督管理/);
    await shot(page, 'citizen-services-departments');
    await page.getByText(/市场监督管理/).first().click();
    await seeVisible(page, /共 \d+ 项/);
    await seeVisible(page, '有限责任公司设立登记（营业执照）');
    await context.close();
  });
});
