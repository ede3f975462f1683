import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { E2eState } from '../../test/e2e/e2e-state';
import globalSetup from '../../test/e2e/global-setup';
import globalTeardown from '../../test/e2e/global-teardown';
import { ChildApi, ensureServerBuild, freePort, startChildApi } from '../../test/support/child-api';
import { client, Client, expectErrorShape, TEST_SMS_CODE, uniquePhone } from '../../test/support/http';
import { createDatabase, dropDatabase, startTestApp, testEnv, TEST_TZ } from '../../test/support/test-app';
import { adminToken, createSlot, serviceAtHall, setClock, staffToken } from '../../test/support/world';

/**
 * Test servers take their settings from the test, never from the caller's shell (issue 14, fault 7):
 * with a hostile shell — another dev SMS code, a port and a database that are not the test's, a
 * production NODE_ENV, an SMS gateway that is not there — every kind of test server `npm test`
 * starts (the in-process app of the integration suites, the built server of the fault suite, the
 * e2e server of the browser journeys) still signs a citizen in with the test's code. They all run in
 * America/New_York (TEST_TZ), and a slot at 00:30 Beijing time still falls on its Beijing date.
 */
const HOSTILE: Record<string, string> = {
  DEV_SMS_CODE: '246810',
  PORT: '1',
  DATABASE_URL: 'mysql://nobody:nothing@127.0.0.1:9/nowhere',
  NODE_ENV: 'production',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: 'http://127.0.0.1:9/send',
  SEED_DEMO: '0',
  TEST_CLOCK: '0',
  H5_DIR: '/nowhere',
  TZ: 'America/New_York',
};

describe('test servers under a hostile shell', () => {
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    await ensureServerBuild(); // before the shell turns hostile: building is not what is tested here
    for (const [k, v] of Object.entries(HOSTILE)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** Sign-in with the test's code works, the shell's code does not. */
  const signsInWithTheTestsCode = async (api: Client) => {
    const phone = uniquePhone();
    expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
    expectErrorShape(await api.post('/api/auth/sms/login', { phone, code: HOSTILE.DEV_SMS_CODE }), 401, 'INVALID_CODE');
    const ok = await api.post('/api/auth/sms/login', { phone, code: TEST_SMS_CODE });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.accessToken).toBe('string');
  };

  /** A slot at 00:30 Beijing time on 8 December is on 8 December (in New York it is still the 7th). */
  const keepsBeijingDates = async (api: Client) => {
    await setClock(api, '2026-12-07T00:00:00.000Z');
    const { hallId } = await staffToken(api);
    const service = await serviceAtHall(api, hallId);
    const slot = await createSlot(api, await adminToken(api), { hallId, serviceId: service.id, start: '2026-12-08T00:30:00+08:00', capacity: 1 });
    const onThe8th = await api.get(`/api/services/${service.id}/slots?hallId=${hallId}&from=2026-12-08&to=2026-12-08`);
    const onThe7th = await api.get(`/api/services/${service.id}/slots?hallId=${hallId}&from=2026-12-07&to=2026-12-07`);
    const ids = (a: { body: unknown }) => JSON.stringify(a.body);
    expect(ids(onThe8th)).toContain(slot.id);
    expect(ids(onThe7th)).not.toContain(slot.id);
  };

  it('runs every test process in America/New_York', () => {
    expect(TEST_TZ).toBe('America/New_York');
    expect(new Date('2026-12-08T00:00:00Z').getTimezoneOffset()).toBe(300);
  });

  it('the integration suites’ in-process app', async () => {
    const t = await startTestApp();
    try {
      const api = client(t.url);
      await signsInWithTheTestsCode(api);
      await keepsBeijingDates(api);
    } finally {
      await t.close();
    }
  });

  it('the built server, as the fault suite starts it', async () => {
    const database = await createDatabase();
    let child: ChildApi | undefined;
    try {
      child = await startChildApi(testEnv(database, { PORT: String(await freePort()) }));
      const api = client(child.url);
      await signsInWithTheTestsCode(api);
      await keepsBeijingDates(api);
    } finally {
      child?.proc.kill('SIGTERM');
      await child?.exited;
      await dropDatabase(database);
    }
  });

  it('the e2e server the browser journeys run against (global set-up and teardown)', async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zwt-env-')), 'e2e-state.json');
    const before = process.env.ZWT_E2E_STATE_FILE;
    process.env.ZWT_E2E_STATE_FILE = stateFile;
    try {
      await globalSetup();
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as E2eState;
      const api = client(state.url);
      await signsInWithTheTestsCode(api);
      await keepsBeijingDates(api);
    } finally {
      await globalTeardown();
      if (before === undefined) delete process.env.ZWT_E2E_STATE_FILE;
      else process.env.ZWT_E2E_STATE_FILE = before;
    }
  });
});
