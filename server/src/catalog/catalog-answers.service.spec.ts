import type { GuideView } from '@gov/shared';
import { CatalogAnswersService } from './catalog-answers.service';
import type { CatalogIndexService } from './catalog-index.service';
import type { CatalogVersionService } from './catalog-version.service';
import type { CatalogService } from './catalog.service';

/** The answers kept for the fast lane (issue 18) never outlive a catalogue write. */
describe('CatalogAnswersService and the fast lane', () => {
  const setUp = () => {
    let version = 1;
    let release: (g: GuideView) => void = () => undefined;
    const versions = { current: () => version, peek: () => version, bump: async () => void version++ } as unknown as CatalogVersionService;
    const index = { generation: 0, refresh: async () => undefined } as unknown as CatalogIndexService;
    const catalog = { guide: () => new Promise<GuideView>((r) => (release = r)) } as unknown as CatalogService;
    return { answers: new CatalogAnswersService(catalog, index, versions), release: (g: GuideView) => release(g) };
  };

  it('keeps an answer under its URL while the catalogue is at the version it was built at', async () => {
    const { answers, release } = setUp();
    const pending = answers.guide('s1');
    await Promise.resolve();
    release({ id: 's1', name: '旧名' } as unknown as GuideView);
    const a = await pending;
    answers.rememberUrl('/api/services/s1', 'guide', a, { etag: a.etag });
    expect(answers.peekUrl('/api/services/s1')?.answer.body).toContain('旧名');
    await answers.changed();
    expect(answers.peekUrl('/api/services/s1')).toBeNull();
  });

  it('does not keep an answer built before a write that came while it was being built', async () => {
    const { answers, release } = setUp();
    const pending = answers.guide('s1');
    await Promise.resolve();
    await answers.changed(); // an admin renamed the service meanwhile
    release({ id: 's1', name: '旧名' } as unknown as GuideView);
    const stale = await pending;
    answers.rememberUrl('/api/services/s1', 'guide', stale, { etag: stale.etag });
    expect(answers.peekUrl('/api/services/s1')).toBeNull();
  });
});
