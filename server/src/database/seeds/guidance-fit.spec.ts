import { allAnswerSets, audienceAccepts, guide, topicProblems, type TopicCatalogue } from '../../guidance/guidance.rules';
import { SEED_HALL_KEYS, SEED_TOPICS } from '../../guidance/guidance.topics.data';
import { SEED_HALLS, SEED_SERVICES } from './catalog.data';

/** The seeded 智能导办 topics against the seeded catalogue: each outcome fits who applies and where. */
describe('seeded 智能导办 topics fit the seeded catalogue', () => {
  const byCode = new Map(SEED_SERVICES.map((s) => [s.code, s]));
  const cat: TopicCatalogue = {
    services: new Map(SEED_SERVICES.map((s) => [s.code, { name: s.name, audience: s.audience }])),
    hallIds: new Set(SEED_HALLS.map((h) => h.key)),
    bundleIds: new Set(), // the seeded topics name no bundle: 智能导办 finds it from the services
  };

  it('names demo halls by their seed keys', () => {
    expect(SEED_HALLS.map((h) => h.key)).toEqual(expect.arrayContaining(Object.values(SEED_HALL_KEYS)));
  });

  it.each(SEED_TOPICS.map((t) => [t.title, t] as const))('%s passes the checks an admin save runs', (_title, t) => {
    expect(topicProblems(t.definition, cat)).toEqual([]);
  });

  it.each(SEED_TOPICS.map((t) => [t.title, t] as const))('%s: every service of every combination accepts the applicant the answers imply and is handled at the hall named', (_title, t) => {
    for (const answers of allAnswerSets(t.definition)) {
      const plan = guide(t.definition, answers);
      expect(plan.serviceCodes.length).toBeGreaterThan(0);
      for (const code of plan.serviceCodes) {
        const s = byCode.get(code)!;
        expect({ answers, code, audience: s.audience, fits: audienceAccepts(s.audience, plan.applicant) }).toEqual({ answers, code, audience: s.audience, fits: true });
        if (plan.hallId) expect({ answers, code, hall: plan.hallId, handled: s.hallKeys.includes(plan.hallId) }).toEqual({ answers, code, hall: plan.hallId, handled: true });
      }
    }
  });

  it('a 个体工商户 (a person) may apply for 食品经营许可 and 公共场所卫生许可', () => {
    expect(byCode.get('QH-SCJG-003')!.audience).toBe('both');
    expect(byCode.get('QH-WJ-001')!.audience).toBe('both');
    const restaurant = SEED_TOPICS.find((t) => t.id === 'open-restaurant')!.definition;
    expect(guide(restaurant, { form: 'individual', leisure: 'yes', staff: 'no' })).toMatchObject({ applicant: 'person', serviceCodes: ['QH-SCJG-001', 'QH-SCJG-003', 'QH-WJ-001'] });
    // with the audience as it was, the check names the misfit
    const before: TopicCatalogue = { ...cat, services: new Map([...cat.services, ['QH-SCJG-003', { name: '食品经营许可', audience: 'enterprise' }]]) };
    expect(topicProblems(restaurant, before)[0].message).toBe('“食品经营许可”不受理个人申请，但回答“个体工商户、是、是”时申请人是个人');
  });
});
