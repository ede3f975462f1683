/**
 * The set-up every integration suite repeats, once: a fresh app on its own database before the
 * suite, closed (and the database dropped) after it, the test clock set, and the common world
 * (admin and staff01 sessions, staff01's hall, a service handled there).
 *
 *   const f = useTestApp({ now: '2026-12-07T00:00:00.000Z' });
 *   const api = f.api; // usable at once: its calls go to the app started before the suite
 *   it('…', async () => { const slotId = await f.slot('2026-12-08T01:00:00.000Z'); … });
 */
import { ApiError, client, Client, signIn } from './http';
import { startTestApp, TestApp } from './test-app';
import { adminToken, buildWorld, createSlot, setClock, SlotSpec, World } from './world';

export interface FixtureOptions {
  /** settings of the app beyond testEnv's */
  env?: Record<string, string>;
  /** the test clock before the world is built (ISO with offset) */
  now?: string;
  /** build the common world (default true) */
  world?: boolean;
}

export interface Fixture {
  /** the suite's client; calls before the app has started fail */
  readonly api: Client;
  /** the running app (inside tests and hooks) */
  readonly t: TestApp;
  /** admin, staff01, their hall and a service there (inside tests and hooks) */
  readonly world: World;
  /** A slot at the world's hall for the world's service (or as told); answers its id. */
  slot(start: Date | string, o?: Partial<Omit<SlotSpec, 'start'>>): Promise<string>;
}

/** Register the suite's beforeAll/afterAll and answer the fixture they fill. */
export function useTestApp(o: FixtureOptions = {}): Fixture {
  let t: TestApp | undefined;
  let world: World | undefined;
  const running = (): TestApp => {
    if (!t) throw new Error('the test app is not running (use the fixture inside tests and hooks)');
    return t;
  };
  const api = client(() => running().url);

  beforeAll(async () => {
    t = await startTestApp(o.env);
    if (o.now) await setClock(api, o.now);
    if (o.world !== false) world = await buildWorld(api);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fixture: Fixture = {
    api,
    get t() {
      return running();
    },
    get world() {
      if (!world) throw new Error('no world: useTestApp({ world: false }) or outside tests and hooks');
      return world;
    },
    async slot(start, s = {}) {
      const w = fixture.world;
      const spec = { hallId: w.hallId, serviceId: w.service.id, ...s, start };
      try {
        return (await createSlot(api, w.admin, spec)).id;
      } catch (e) {
        if ((e as ApiError).status !== 401) throw e;
        w.admin = await adminToken(api); // the test clock moved past the admin's token
        return (await createSlot(api, w.admin, spec)).id;
      }
    },
  };
  return fixture;
}

/** The seeded admin's access token and a fresh citizen's, signed in by a beforeAll of the suite (after the app started). */
export function useAdminAndCitizen(api: Client): { readonly admin: string; readonly citizen: string } {
  const tokens = { admin: '', citizen: '' };
  beforeAll(async () => {
    tokens.admin = await adminToken(api);
    tokens.citizen = (await signIn(api)).accessToken;
  });
  return tokens;
}
