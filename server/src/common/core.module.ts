import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AccessTokenService } from './auth/access-token.service';
import { CallerContextCache } from './auth/caller-context.cache';
import { ClockService } from './clock/clock.service';
import { CryptoService } from './crypto/crypto.service';
import { Transactions } from './db/transactions';

/** What every feature needs: the validated configuration, the clock, crypto, token checks and the caller cache. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, ClockService, CryptoService, AccessTokenService, CallerContextCache, Transactions],
      exports: [AppConfig, ClockService, CryptoService, AccessTokenService, CallerContextCache, Transactions],
    };
  }
}
