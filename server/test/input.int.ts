import { idNumberCheckChar, mrzCheckDigit } from '@gov/shared';
import { createApp } from '../src/app.factory';
import { CryptoService } from '../src/common/crypto/crypto.service';
import { loadConfig } from '../src/config/app-config';
import { client, expectErrorShape, signIn, uniquePhone } from './helpers/http';
import { dropDatabase, MYSQL_ROOT_URL, sql, testEnv } from './helpers/test-app';
import { useTestApp } from '../../test/support/fixture';
import { adminToken, validCreditCode, validIdNumber } from './helpers/world';

/**
 * Input as people type it (issue 14, faults 2, 3, 4, 5 and 8): times without an offset, names with rare
 * characters and minority separators, phones with +86 and spaces, identity documents other than the
 * mainland ID card, and a database created as utf8mb3.
 */
const NOW = '2026-12-07T00:00:00.000Z'; // Monday 08:00 in Shanghai

const fieldsOf = (body: { details?: { fields?: Array<{ field: string }> } }) => (body.details?.fields ?? []).map((f) => f.field);

/** `13712345678` as `+86 137 1234 5678`. */
const spaced = (p: string) => `+86 ${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
/** `13712345678` in full-width digits. */
const fullWidth = (p: string) => p.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('input as people type it (issue 14)', () => {
  const f = useTestApp({ now: NOW });
  const api = f.api;

  describe('fault 2: a time without an offset is refused, naming the field', () => {
    it('POST /admin/slots', async () => {
      const admin = await adminToken(api);
      for (const start of ['2026-12-15T10:00:00', '2026-12-15 10:00']) {
        const r = await api.post('/api/admin/slots', { hallId: f.world.hallId, start, end: '2026-12-15T10:30:00+08:00', capacity: 2 }, { token: admin });
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(r.body)).toEqual(['start']);
      }
      const endless = await api.post('/api/admin/slots', { hallId: f.world.hallId, start: '2026-12-15T10:00:00+08:00', end: '2026-12-15T10:30', capacity: 2 }, { token: admin });
      expect(fieldsOf(endless.body)).toEqual(['end']);
      // with an offset the slot is where it says, whatever the host's zone
      const ok = await api.post('/api/admin/slots', { hallId: f.world.hallId, start: '2026-12-15T10:00:00+08:00', end: '2026-12-15T02:30:00Z', capacity: 2 }, { token: admin });
      expect(ok.status).toBe(201);
      expect(new Date(ok.body.start).toISOString()).toBe('2026-12-15T02:00:00.000Z');
    });

    it('POST /offhours-requests and the test clock', async () => {
      const s = await signIn(api);
      const r = await api.post('/api/offhours-requests', { serviceId: 'x', hallId: f.world.hallId, preferredStart: '2026-12-19 10:00', preferredEnd: '2026-12-19T11:00:00' }, { token: s.accessToken });
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(r.body).sort()).toEqual(['preferredEnd', 'preferredStart']);
      const clock = await api.post('/api/__test__/clock', { now: '2026-12-07T08:00:00' });
      expect({ status: clock.status, fields: fieldsOf(clock.body) }).toEqual({ status: 400, fields: ['now'] });
    });
  });

  it('names the length a text missed instead of 格式不正确 (a one-letter cancel reason, a 501-letter one)', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [reason, message] of [
      ['x', '至少 2 个字'],
      ['很'.repeat(501), '最多 500 个字'],
    ]) {
      const r = await api.post(`/api/staff/bookings/${id}/cancel`, { reason }, { token: f.world.staff.token });
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
      expect(r.body.details.fields).toEqual([{ field: 'reason', message }]);
    }
  });

  describe('fault 3: real names as printed on the card', () => {
    const verify = async (realName: string, extra: Record<string, string> = {}) => {
      const s = await signIn(api);
      return api.post('/api/me/verify', { realName, idNumber: validIdNumber(), ...extra }, { token: s.accessToken });
    };

    it('verifies names with characters of CJK Extension A, B and later, and compatibility ideographs', async () => {
      for (const name of ['李㛃', '王𠈌', '𠮷野家', '赵𫠠𬌗', '林\uF92F']) {
        const r = await verify(name);
        expect([name, r.status, r.body.realName]).toEqual([name, 200, name]);
      }
      // 30 characters of Extension B: 60 UTF-16 units, still 30 characters
      const long = '𠈌'.repeat(30);
      expect((await verify(long)).body.realName).toBe(long);
    });

    it('writes the separators of minority names as ·', async () => {
      for (const typed of ['买买提•艾力', '买买提・艾力', '买买提 · 艾力', '买买提．艾力']) {
        const r = await verify(typed);
        expect([typed, r.status, r.body.realName]).toEqual([typed, 200, '买买提·艾力']);
      }
    });

    it('refuses what is no name, naming the field', async () => {
      for (const bad of ['张', '张3', '张三😀', '·张三', '张'.repeat(31)]) {
        const r = await verify(bad);
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(r.body)).toEqual(['realName']);
      }
    });
  });

  describe('fault 5: phones as people write them', () => {
    it('signs in with +86 and spaces, 86…, 0086…, dashes and full-width digits as one account', async () => {
      const phone = uniquePhone();
      const first = await signIn(api, phone);
      const forms = [spaced(phone), `86${phone}`, `0086${phone}`, `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, fullWidth(phone)];
      for (const typed of forms) {
        const r = await api.post('/api/auth/sms/login', { phone: typed, code: '123456' });
        // the code was spent by the first sign-in: INVALID_CODE (not 400) means the phone was read
        expect([typed, r.status, r.body.code]).toEqual([typed, 401, 'INVALID_CODE']);
      }
      const other = uniquePhone();
      const sent = await api.post('/api/auth/sms/send', { phone: spaced(other) });
      expect(sent.status).toBe(204);
      const login = await api.post('/api/auth/sms/login', { phone: fullWidth(other), code: '123456' });
      expect(login.status).toBe(200);
      expect(login.body.user.phone).toBe(`${other.slice(0, 3)}****${other.slice(-4)}`);
      const again = await api.post('/api/auth/sms/login', { phone: other, code: '123456' });
      expect(again.body.code).toBe('INVALID_CODE'); // same phone, same (spent) code: one account
      expect(first.user.id).not.toBe(login.body.user.id);
    });

    it('counts the per-phone SMS limit on the normalised phone', async () => {
      const phone = uniquePhone();
      expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
      for (const typed of [spaced(phone), `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]) {
        expectErrorShape(await api.post('/api/auth/sms/send', { phone: typed }), 429, 'RATE_LIMITED');
      }
    });

    it('refuses what is no mainland mobile number, naming the field', async () => {
      for (const bad of ['+1 415 555 0100', '137 1234 567', '0371-6512-3456']) {
        const r = await api.post('/api/auth/sms/send', { phone: bad });
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(r.body)).toEqual(['phone']);
      }
    });

    it('takes an agent and a company member by the phone as typed', async () => {
      const principal = await signIn(api);
      await api.post('/api/me/verify', { realName: '周正', idNumber: validIdNumber() }, { token: principal.accessToken });
      const agentPhone = uniquePhone();
      const given = await api.post(
        '/api/authorizations',
        { principal: { type: 'person', id: principal.user.id }, agentPhone: `${agentPhone.slice(0, 3)}-${agentPhone.slice(3, 7)}-${agentPhone.slice(7)}`, serviceIds: null, validFrom: '2026-12-07', validTo: '2027-01-31' },
        { token: principal.accessToken },
      );
      expect(given.status).toBe(201);
      const agent = await signIn(api, agentPhone);
      const mine = await api.get('/api/authorizations?role=agent', { token: agent.accessToken });
      expect((mine.body as Array<{ id: string }>).map((a) => a.id)).toContain(given.body.id);

      const company = await api.post('/api/enterprises', { name: '清河市周正商贸有限公司', creditCode: validCreditCode(), legalRepName: '周正' }, { token: principal.accessToken });
      expect(company.status).toBe(201);
      const memberPhone = uniquePhone();
      const added = await api.post(`/api/enterprises/${company.body.id}/members`, { phone: fullWidth(memberPhone), role: 'handler' }, { token: principal.accessToken });
      expect(added.status).toBe(201);
      const member = await signIn(api, memberPhone);
      expect((await api.get('/api/me', { token: member.accessToken })).body.enterprises).toEqual([expect.objectContaining({ id: company.body.id, role: 'handler' })]);
    });
  });

  describe('fault 8: identity documents other than the mainland ID card', () => {
    const verifyAs = async (body: Record<string, string>) => {
      const s = await signIn(api);
      return { s, r: await api.post('/api/me/verify', body, { token: s.accessToken }) };
    };
    const foreign2017 = () => {
      const first14 = `GBR3101850704${Math.floor(Math.random() * 10)}`;
      return first14 + mrzCheckDigit(first14);
    };
    const foreign2023 = () => {
      const first17 = `931826${'19900315'}${String(Math.floor(Math.random() * 900) + 100)}`; // 9, 北京, GBR 826, born, sequence
      return first17 + idNumberCheckChar(first17);
    };

    it('verifies a passport holder with the Latin name, upper-cased, and shows the type beside the masked number', async () => {
      const { s, r } = await verifyAs({ idType: 'passport', realName: ' john   ronald  smith', idNumber: 'e1234 5678' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ verified: true, idType: 'passport', realName: 'JOHN RONALD SMITH', idNumber: 'E1*****78' });
      expect(r.text).not.toContain('E12345678');
      expect((await api.get('/api/me', { token: s.accessToken })).body).toMatchObject({ idType: 'passport', idNumber: 'E1*****78' });
    });

    it('verifies 回乡证, 台胞证 and both 永居证 formats', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ idType: 'hk_macao_permit', realName: '陈大文', idNumber: 'h 1234 5678' }, 'H1*****78'],
        [{ idType: 'hk_macao_permit', realName: '何美玲', idNumber: 'M87654321(01)' }, 'M8*******01'],
        [{ idType: 'taiwan_permit', realName: '林志明', idNumber: '0801 2345' }, '08****45'],
        [{ idType: 'foreign_permanent', realName: 'Anna Müller', idNumber: foreign2017() }, ''],
        [{ idType: 'foreign_permanent', realName: '安娜', idNumber: foreign2023() }, ''],
      ];
      for (const [body, masked] of cases) {
        const { r } = await verifyAs(body);
        expect([body.idNumber, r.status, r.body.idType]).toEqual([body.idNumber, 200, body.idType]);
        if (masked) expect(r.body.idNumber).toBe(masked);
      }
    });

    it("checks each document's own format and check character", async () => {
      const id = foreign2017();
      const wrongCheck = id.slice(0, 14) + String((Number(id[14]) + 1) % 10);
      expectErrorShape((await verifyAs({ idType: 'foreign_permanent', realName: 'ANNA MULLER', idNumber: wrongCheck })).r, 400, 'INVALID_ID_NUMBER');
      for (const [body, field] of [
        [{ idType: 'hk_macao_permit', realName: '陈大文', idNumber: 'A12345678' }, 'idNumber'],
        [{ idType: 'taiwan_permit', realName: '林志明', idNumber: '1234567' }, 'idNumber'],
        [{ idType: 'resident', realName: '张三', idNumber: 'H12345678' }, 'idNumber'],
        [{ idType: 'passport', realName: '张三', idNumber: '' }, 'idNumber'],
        [{ idType: 'resident', realName: 'JOHN SMITH', idNumber: validIdNumber() }, 'realName'],
        [{ idType: 'driving_licence', realName: '张三', idNumber: validIdNumber() }, 'idType'],
      ] as Array<[Record<string, string>, string]>) {
        const { r } = await verifyAs(body);
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
        expect([body, fieldsOf(r.body)]).toEqual([body, [field]]);
      }
      const empty = (await verifyAs({ idType: 'passport', realName: 'JOHN SMITH', idNumber: '' })).r;
      expect(empty.body.details.fields[0].message).toBe('请输入证件号码');
    });

    it('keys the person on type and number; residents keep the look-up they had', async () => {
      const same = '12345678';
      const a = await verifyAs({ idType: 'taiwan_permit', realName: '林志明', idNumber: same });
      const b = await verifyAs({ idType: 'passport', realName: 'LIN CHIH MING', idNumber: `P${same}` });
      const c = await verifyAs({ idType: 'passport', realName: 'LIN CHIH MING', idNumber: same });
      const hashes = await sql<{ id: string; h: string; t: string }>(f.t.config.database.url!, 'SELECT id, id_number_hash AS h, id_type AS t FROM users WHERE id IN (?, ?, ?)', [a.s.user.id, b.s.user.id, c.s.user.id]);
      expect(new Set(hashes.map((h) => h.h)).size).toBe(3);
      expect(hashes.find((h) => h.id === c.s.user.id)?.t).toBe('passport');

      // a resident verified without idType keeps the key of the bare number (what rows verified before have)
      const idNumber = validIdNumber();
      const resident = await verifyAs({ realName: '欧阳明月', idNumber });
      expect(resident.r.body.idType).toBe('resident');
      const [row] = await sql<{ h: string; t: string }>(f.t.config.database.url!, 'SELECT id_number_hash AS h, id_type AS t FROM users WHERE id = ?', [resident.s.user.id]);
      expect(row).toEqual({ h: f.t.app.get(CryptoService).lookupHash('id', idNumber), t: 'resident' });
    });

    it('verifies one document on one account only, also when two accounts race', async () => {
      const idNumber = validIdNumber();
      expect((await verifyAs({ realName: '周晓明', idNumber })).r.status).toBe(200);
      const again = (await verifyAs({ realName: '周晓明', idNumber: idNumber.toLowerCase() })).r;
      expectErrorShape(again, 409, 'CONFLICT');
      expect(again.body.message).toContain('另一个账号');

      const passport = `E${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const racers = await Promise.all(Array.from({ length: 6 }, () => signIn(api)));
      const answers = await Promise.all(racers.map((s) => api.post('/api/me/verify', { idType: 'passport', realName: 'JOHN SMITH', idNumber: passport }, { token: s.accessToken })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const unverified = await Promise.all(racers.map((s) => api.get('/api/me', { token: s.accessToken })));
      expect(unverified.filter((m) => m.body.verified).length).toBe(1);
    });
  });
});

describe('fault 4: a database created as utf8mb3', () => {
  const database = `zwt_t_utf8mb3_${Date.now().toString(36)}`;
  const url = `${MYSQL_ROOT_URL}/${database}`;

  beforeAll(async () => {
    await sql(MYSQL_ROOT_URL, `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci`);
  });
  afterAll(async () => {
    await dropDatabase(database);
  });

  it('holds emoji and rare characters: every table is utf8mb4 after the migrations', async () => {
    const app = await createApp(loadConfig(testEnv(database)));
    try {
      await app.listen(0, '127.0.0.1');
      const api = client(`http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`);
      const s = await signIn(api);
      await api.post('/api/me/verify', { realName: '张三', idNumber: validIdNumber() }, { token: s.accessToken });
      const company = await api.post('/api/enterprises', { name: '清河市👍𠈌科技有限公司', creditCode: validCreditCode(), legalRepName: '张三' }, { token: s.accessToken });
      expect(company.status).toBe(201);
      expect((await api.get(`/api/enterprises/${company.body.id}`, { token: s.accessToken })).body.name).toBe('清河市👍𠈌科技有限公司');
      const narrow = await sql(url, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_COLLATION NOT LIKE 'utf8mb4%'", [database]);
      expect(narrow).toEqual([]);
      const [schema] = await sql<{ cs: string }>(url, 'SELECT DEFAULT_CHARACTER_SET_NAME AS cs FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database]);
      expect(schema.cs).toBe('utf8mb4');
    } finally {
      await app.close();
    }
  }, 120_000);

  it('refuses to start, naming database and table, when a table cannot hold 4-byte characters', async () => {
    await sql(url, 'ALTER TABLE correction_phrases CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci');
    await expect(createApp(loadConfig(testEnv(database)))).rejects.toThrow(new RegExp(`database "${database}".*correction_phrases \\(utf8mb3\\)`));
  }, 60_000);
});
