import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { randomInt } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { AuthResult } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { isRetryableTxError } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { UsersService } from '../users/users.service';
import { formatSmsCode, judgeSmsCode, smsVerdictMessage } from './auth.rules';
import { SmsCodeEntity } from './entities/sms-code.entity';
import { AlipayClient } from './providers/alipay.client';
import { SmsProvider } from './providers/sms.provider';
import { WechatClient } from './providers/wechat.client';
import { TokenService } from './token.service';
import { UserEntity } from '../users/entities/user.entity';

/** A bcrypt hash of nothing in particular, compared against when a username is unknown (same timing). */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.jqj7S6pYbW7ucVKJr6ZpDWVzG0Kq';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(SmsCodeEntity) private readonly codes: Repository<SmsCodeEntity>,
    private readonly config: AppConfig,
    private readonly sms: SmsProvider,
    private readonly wechat: WechatClient,
    private readonly alipay: AlipayClient,
    private readonly users: UsersService,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
    private readonly tokens: TokenService,
  ) {}

  private codeHash(phone: string, code: string): string {
    return this.crypto.lookupHash('sms', `${phone}:${code}`);
  }

  /** Send a sign-in code (per-phone limits are enforced by the throttler before this runs). */
  async sendSmsCode(phone: string): Promise<void> {
    const now = this.clock.now();
    const code = this.sms.codeFor(() => formatSmsCode(randomInt(0, 1_000_000)));
    await this.codes.insert({
      id: newId(),
      phoneHash: this.users.phoneHash(phone),
      codeHash: this.codeHash(phone, code),
      expiresAt: new Date(now.getTime() + this.config.sms.codeTtlSeconds * 1000),
      attempts: 0,
      consumedAt: null,
      createdAt: now,
    });
    await this.sms.send(phone, code);
    // Old codes are of no use to anyone: keep the table small. Housekeeping only: the code is sent, so
    // losing this delete to a concurrent send (a deadlock, or on a Galera cluster a write replicated
    // from another node) must not turn the answer into an error; the next send deletes them.
    try {
      await this.codes.delete({ expiresAt: LessThan(new Date(now.getTime() - 86_400_000)) });
    } catch (e) {
      if (!isRetryableTxError(e)) throw e;
    }
  }

  async smsLogin(phone: string, code: string): Promise<AuthResult> {
    const now = this.clock.now();
    const max = this.config.sms.maxAttempts;
    const latest = await this.codes.findOne({ where: { phoneHash: this.users.phoneHash(phone) }, order: { createdAt: 'DESC' } });
    const matches = latest !== null && this.crypto.equalHex(latest.codeHash, this.codeHash(phone, code));
    const verdict = judgeSmsCode(latest, matches, now, max);
    if (verdict === 'wrong') {
      await this.codes.increment({ id: latest!.id }, 'attempts', 1);
      throw new DomainError('INVALID_CODE', smsVerdictMessage('wrong', max - latest!.attempts - 1));
    }
    if (verdict !== 'ok') throw new DomainError('INVALID_CODE', smsVerdictMessage(verdict, 0));
    // Single use, even when two sign-ins race with the same code.
    const taken = await this.codes
      .createQueryBuilder()
      .update()
      .set({ consumedAt: now })
      .where('id = :id AND consumed_at IS NULL AND attempts < :max', { id: latest!.id, max })
      .execute();
    if (!taken.affected) throw new DomainError('INVALID_CODE', smsVerdictMessage('consumed', 0));
    const user = await this.users.findOrCreateByPhone(phone);
    return this.signIn(user);
  }

  async wechatLogin(code: string): Promise<AuthResult> {
    const { openid } = await this.wechat.code2Session(code);
    return this.signIn(await this.users.findOrCreateByWechat(openid));
  }

  async alipayLogin(authCode: string): Promise<AuthResult> {
    const { userId } = await this.alipay.oauthToken(authCode, this.clock.now());
    return this.signIn(await this.users.findOrCreateByAlipay(userId));
  }

  async staffLogin(username: string, password: string): Promise<AuthResult> {
    const user = await this.users.findByUsername(username);
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled || user.role === 'citizen') {
      throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
    }
    return this.signIn(user);
  }

  private signIn(user: UserEntity): Promise<AuthResult> {
    if (user.disabled) throw new DomainError('FORBIDDEN', '该账号已停用');
    return this.tokens.issue(user);
  }
}
