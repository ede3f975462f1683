import { signedInAt, useBrowser } from './browser';
import { admin, call, fill, press, visible } from './staff.helpers';

describe('智能导办 topics at the admin desk (H5)', () => {
  const browser = useBrowser();

  it('an admin edits a topic’s title, question, option and the service an outcome leads to; a misfit service is refused in Chinese; citizens see the edit', async () => {
    const adminT = await admin();
    const n = Date.now() % 100000;
    const topic = await call<{ id: string }>('POST', '/api/admin/guidance', {
      token: adminT.accessToken,
      body: {
        title: `婚姻登记导办${n}`,
        summary: '结婚登记、补领结婚证',
        applicant: 'person',
        questions: [{ id: 'lost', text: '是补领结婚证吗？', options: [{ value: 'no', label: '不是' }, { value: 'yes', label: '是' }] }],
        outcomes: [
          { when: { lost: 'no' }, serviceCodes: ['QH-MZ-001'] },
          { when: { lost: 'yes' }, serviceCodes: ['QH-MZ-003'] },
        ],
      },
    });
    try {
      const { page, context } = await signedInAt(browser(), adminT, 'desk', '/subpackages/admin/pages/guidance/index');
      const nav = page.getByRole('navigation', { name: '工作台导航' });
      expect(await nav.getByRole('link', { name: '智能导办' }).getAttribute('aria-current')).toBe('page');
      await visible(page, '开办企业');
      await page.getByRole('group', { name: `婚姻登记导办${n}` }).getByRole('button', { name: '编辑' }).click();

      await fill(page, '主题名称', `老人和婚姻导办${n}`);
      await fill(page, '第 1 题', '您要办理哪一项？');
      await fill(page, '选项 1', '结婚登记');
      const first = page.getByRole('group', { name: '结果 1' });
      await visible(page, '结婚登记（婚姻登记）');

      // a company-only service for a person's answer: refused, naming it
      await first.getByRole('button', { name: '更换' }).click();
      await fill(page, '搜索事项', '印章刻制备案');
      await page.getByRole('radio', { name: '印章刻制备案' }).click();
      await press(page, '保存');
      await visible(page, /“印章刻制备案”不受理个人申请/);

      await first.getByRole('button', { name: '更换' }).click();
      await fill(page, '搜索事项', '高龄津贴');
      await page.getByRole('radio', { name: '高龄津贴申领' }).click();
      await press(page, '保存');
      await page.getByRole('group', { name: `老人和婚姻导办${n}` }).waitFor({ state: 'visible' });

      const pub = await call<{ title: string; questions: Array<{ text: string; options: Array<{ label: string }> }> }>('GET', `/api/guidance/${topic.id}`);
      expect(pub.title).toBe(`老人和婚姻导办${n}`);
      expect(pub.questions[0].text).toBe('您要办理哪一项？');
      expect(pub.questions[0].options[0].label).toBe('结婚登记');
      const plan = await call<{ services: Array<{ name: string }> }>('POST', `/api/guidance/${topic.id}/answers`, { body: { answers: { lost: 'no' } } });
      expect(plan.services.map((s) => s.name)).toEqual(['高龄津贴申领']);
      await context.close();
    } finally {
      await call('DELETE', `/api/admin/guidance/${topic.id}`, { token: adminT.accessToken });
    }
  });
});
