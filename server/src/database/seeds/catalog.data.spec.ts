import { createHash } from 'node:crypto';
import {
  demoSlotTemplates,
  DEMO_SLOT_WEEKDAYS,
  SEED_CATEGORIES,
  SEED_DEPARTMENTS,
  SEED_HALLS,
  SEED_SERVICES,
  SeedMaterial,
  SeedService,
} from './catalog.data';

/** Identity papers and application forms are never deferrable (容缺). */
const NEVER_TOLERABLE = /身份证|身份证明|身份证件|户口簿|申请书|申请表|登记表|审核表|委托书/;
const PHONE = /^0\d{2,3}-\d{7,8}$/;
const DELIVERY = ['window', 'post', 'online'];
const FORMS = ['original', 'copy', 'electronic'];

/** JSON with every object's keys sorted (absent and undefined alike), so the hash ignores how an object was built. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const isPositiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;
const tolerables = (s: SeedService): SeedMaterial[] => s.materials.filter((m) => m.tolerable);
const forPerson = (s: SeedService): boolean => s.audience === 'person' || s.audience === 'both';
const forEnterprise = (s: SeedService): boolean => s.audience === 'enterprise' || s.audience === 'both';

describe('seed catalogue', () => {
  describe('departments, halls, categories', () => {
    it('has unique department keys and names', () => {
      expect(SEED_DEPARTMENTS.length).toBeGreaterThanOrEqual(12);
      expect(new Set(SEED_DEPARTMENTS.map((d) => d.key)).size).toBe(SEED_DEPARTMENTS.length);
      expect(new Set(SEED_DEPARTMENTS.map((d) => d.name)).size).toBe(SEED_DEPARTMENTS.length);
    });

    it('has a city centre, a county centre and two town stations in one chain, with phone and hours', () => {
      expect(SEED_HALLS).toHaveLength(4);
      expect(SEED_HALLS.map((h) => h.level).sort()).toEqual(['city', 'county', 'town', 'town']);
      expect(new Set(SEED_HALLS.map((h) => h.key)).size).toBe(4);
      // town → county → city, each parent listed before its child (the seed links them in order)
      const key = (level: string) => SEED_HALLS.find((h) => h.level === level)!.key;
      expect(SEED_HALLS.filter((h) => h.level === 'town').map((h) => h.parentKey)).toEqual([key('county'), key('county')]);
      expect(SEED_HALLS.find((h) => h.level === 'county')!.parentKey).toBe(key('city'));
      SEED_HALLS.forEach((h, i) => expect(h.parentKey === null || SEED_HALLS.slice(0, i).some((p) => p.key === h.parentKey)).toBe(true));
      // services only the county handles, which the towns accept and forward
      expect(SEED_SERVICES.filter((s) => s.hallKeys.length === 1 && s.hallKeys[0] === key('county')).length).toBeGreaterThanOrEqual(2);
      for (const hall of SEED_HALLS) {
        expect(hall.phone).toMatch(PHONE);
        expect(hall.address.length).toBeGreaterThan(5);
        expect(hall.hours).toMatch(/\d{1,2}:\d{2}-\d{1,2}:\d{2}/);
      }
    });

    it('gives every hall half-hour slot templates on working days within its opening hours, more places the higher the level', () => {
      const capacity: Record<string, number> = {};
      for (const hall of SEED_HALLS) {
        const templates = demoSlotTemplates(hall);
        expect([...new Set(templates.map((t) => t.weekday))].sort()).toEqual(DEMO_SLOT_WEEKDAYS);
        expect(DEMO_SLOT_WEEKDAYS).toEqual([1, 2, 3, 4, 5]);
        const perDay = templates.filter((t) => t.weekday === 1);
        expect(perDay.length).toBeGreaterThanOrEqual(10);
        // the opening hours printed on the hall are those of its slots
        for (const [from, to] of hall.schedule.sessions) expect(hall.hours).toContain(`${from.replace(/^0/, '')}-${to.replace(/^0/, '')}`);
        for (const t of perDay) {
          const [h1, m1] = t.start.split(':').map(Number);
          const [h2, m2] = t.end.split(':').map(Number);
          expect(h2 * 60 + m2 - (h1 * 60 + m1)).toBe(30);
          expect(hall.schedule.sessions.some(([from, to]) => from <= t.start && t.end <= to)).toBe(true);
        }
        capacity[hall.level] = hall.schedule.capacity;
      }
      expect(capacity.city).toBeGreaterThan(capacity.county);
      expect(capacity.county).toBeGreaterThan(capacity.town);
      expect(capacity.town).toBeGreaterThanOrEqual(1);
    });

    it('places every hall in mainland China, each at its own spot', () => {
      for (const hall of SEED_HALLS) {
        expect(hall.latitude).toBeGreaterThan(18);
        expect(hall.latitude).toBeLessThan(54);
        expect(hall.longitude).toBeGreaterThan(73);
        expect(hall.longitude).toBeLessThan(135);
      }
      expect(new Set(SEED_HALLS.map((h) => `${h.latitude},${h.longitude}`)).size).toBe(SEED_HALLS.length);
    });

    it('has unique categories for both kinds of applicant', () => {
      expect(new Set(SEED_CATEGORIES.map((c) => c.name)).size).toBe(SEED_CATEGORIES.length);
      expect(SEED_CATEGORIES.some((c) => c.audience === 'person')).toBe(true);
      expect(SEED_CATEGORIES.some((c) => c.audience === 'enterprise')).toBe(true);
    });
  });

  describe('services', () => {
    const departmentKeys = new Set(SEED_DEPARTMENTS.map((d) => d.key));
    const hallKeys = new Set(SEED_HALLS.map((h) => h.key));
    const categories = new Map(SEED_CATEGORIES.map((c) => [c.name, c.audience]));

    it('has at least 60 services with unique codes and names', () => {
      expect(SEED_SERVICES.length).toBeGreaterThanOrEqual(60);
      expect(new Set(SEED_SERVICES.map((s) => s.code)).size).toBe(SEED_SERVICES.length);
      expect(new Set(SEED_SERVICES.map((s) => s.name)).size).toBe(SEED_SERVICES.length);
    });

    it.each(SEED_SERVICES.map((s) => [s.code, s] as const))('%s refers to existing department, halls and category', (_code, s) => {
      expect(departmentKeys.has(s.departmentKey)).toBe(true);
      expect(s.hallKeys.length).toBeGreaterThan(0);
      expect(new Set(s.hallKeys).size).toBe(s.hallKeys.length);
      for (const key of s.hallKeys) expect(hallKeys.has(key)).toBe(true);
      expect(categories.has(s.category)).toBe(true);
      // A service in a person-only theme is not for enterprises only, and vice versa.
      const themeAudience = categories.get(s.category);
      if (themeAudience !== 'both') expect([themeAudience, 'both']).toContain(s.audience);
    });

    it.each(SEED_SERVICES.map((s) => [s.code, s] as const))('%s has consistent time limits', (_code, s) => {
      expect(isPositiveInt(s.legalDays)).toBe(true);
      expect(isPositiveInt(s.promisedDays)).toBe(true);
      expect(s.promisedDays).toBeLessThanOrEqual(s.legalDays);
    });

    it.each(SEED_SERVICES.map((s) => [s.code, s] as const))('%s lists well-formed materials', (_code, s) => {
      expect(s.materials.length).toBeGreaterThanOrEqual(2);
      expect(s.materials.some((m) => m.required)).toBe(true);
      expect(new Set(s.materials.map((m) => m.name)).size).toBe(s.materials.length);
      for (const m of s.materials) {
        expect(m.name.trim()).not.toBe('');
        expect(isPositiveInt(m.copies)).toBe(true);
        expect(FORMS).toContain(m.form);
      }
    });

    it.each(SEED_SERVICES.map((s) => [s.code, s] as const))('%s defers only minor required papers', (_code, s) => {
      for (const m of tolerables(s)) {
        expect(m.required).toBe(true);
        expect(m.hasTemplate).not.toBe(true);
        expect(m.name).not.toMatch(NEVER_TOLERABLE);
      }
    });

    it('lets at least 40 services accept with a deferred material (容缺)', () => {
      expect(SEED_SERVICES.filter((s) => tolerables(s).length > 0).length).toBeGreaterThanOrEqual(40);
    });

    it.each(SEED_SERVICES.map((s) => [s.code, s] as const))('%s has a valid fee in fen', (_code, s) => {
      if (!s.fee.free) {
        expect(isPositiveInt(s.fee.amountFen)).toBe(true);
        expect(s.fee.basis.trim()).not.toBe('');
      }
    });

    it.each(SEED_SERVICES.map((s) => [s.code, s] as const))('%s has the remaining guide elements', (_code, s) => {
      for (const text of [s.name, s.scope, s.acceptingBody, s.decidingBody, s.conditions]) {
        expect(text.trim()).not.toBe('');
      }
      expect(s.basis).toMatch(/《.+》/);
      expect(s.process.length).toBeGreaterThanOrEqual(2);
      expect(s.delivery.length).toBeGreaterThan(0);
      for (const d of s.delivery) expect(DELIVERY).toContain(d);
      expect(s.consultPhone).toMatch(PHONE);
      expect(s.complaintPhone).toMatch(PHONE);
      expect(s.keywords.length).toBeGreaterThan(0);
      for (const k of s.keywords) expect(k.trim()).not.toBe('');
    });

    it('serves both audiences well', () => {
      expect(SEED_SERVICES.filter(forPerson).length).toBeGreaterThanOrEqual(20);
      expect(SEED_SERVICES.filter(forEnterprise).length).toBeGreaterThanOrEqual(20);
    });

    it('gives every department at least 2 services and every hall at least one', () => {
      for (const d of SEED_DEPARTMENTS) {
        expect(SEED_SERVICES.filter((s) => s.departmentKey === d.key).length).toBeGreaterThanOrEqual(2);
      }
      for (const h of SEED_HALLS) {
        expect(SEED_SERVICES.some((s) => s.hallKeys.includes(h.key))).toBe(true);
      }
    });

    it('uses every category', () => {
      for (const c of SEED_CATEGORIES) {
        expect(SEED_SERVICES.some((s) => s.category === c.name)).toBe(true);
      }
    });

    it.each(['营业执照', '婚姻', '身份证', '社会保障卡', '不动产', '施工许可'])('includes a service named with %s', (word) => {
      expect(SEED_SERVICES.some((s) => s.name.includes(word))).toBe(true);
    });

    it('marks a handful of key projects, none for individuals only', () => {
      const key = SEED_SERVICES.filter((s) => s.keyProject);
      expect(key.length).toBeGreaterThanOrEqual(5);
      expect(key.length).toBeLessThanOrEqual(10);
      for (const s of key) expect(s.audience).not.toBe('person');
    });

    it('can book every service at every hall that handles it (the hall-wide demo templates serve all of the hall)', () => {
      const withTemplates = new Set(SEED_HALLS.filter((h) => demoSlotTemplates(h).length > 0).map((h) => h.key));
      for (const s of SEED_SERVICES) {
        expect(s.hallKeys.length).toBeGreaterThan(0);
        for (const k of s.hallKeys) expect({ service: s.code, hall: k, bookable: withTemplates.has(k) }).toEqual({ service: s.code, hall: k, bookable: true });
      }
    });

    it('issues certificates for the business licences, the food-business and public-place permits and the birth certificate, and takes a business licence from one (免提交)', () => {
      const issuing = SEED_SERVICES.filter((s) => s.certificate).map((s) => [s.code, s.certificate!.type, s.certificate!.years]);
      expect(issuing).toEqual([
        ['QH-SCJG-001', '营业执照', null],
        ['QH-SCJG-002', '营业执照', null],
        ['QH-SCJG-003', '食品经营许可证', 5],
        ['QH-WJ-001', '公共场所卫生许可证', 4],
        ['QH-WJ-006', '出生医学证明', null],
      ]);
      const food = SEED_SERVICES.find((s) => s.code === 'QH-SCJG-003')!;
      expect(food.materials.filter((m) => m.certificateType).map((m) => [m.name, m.certificateType])).toEqual([['营业执照副本复印件', '营业执照']]);
    });

    it('offers online pre-review for most services', () => {
      const share = SEED_SERVICES.filter((s) => s.onlinePrereview).length / SEED_SERVICES.length;
      expect(share).toBeGreaterThanOrEqual(0.6);
      expect(share).toBeLessThanOrEqual(0.9);
    });

    it('is the catalogue as published (78 services, 317 materials; change the hash only with the data)', () => {
      // The builders (applicationForm, required, optional, service defaults …) must not change a
      // single seeded value: the hash is of the data as it stood before they were introduced.
      expect(SEED_SERVICES).toHaveLength(78);
      expect(SEED_SERVICES.reduce((n, s) => n + s.materials.length, 0)).toBe(317);
      expect(createHash('sha256').update(canonical(SEED_SERVICES)).digest('hex')).toBe('6d99b4409151478c2d8be2031be4e9711decb5037e243b04f1c860b4824c5422');
    });
  });
});
