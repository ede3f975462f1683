import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SmsCodeEntity } from './entities/sms-code.entity';
import { MeController } from './me.controller';
import { AlipayClient } from './providers/alipay.client';
import { createSmsProvider, SmsProvider } from './providers/sms.provider';
import { WechatClient } from './providers/wechat.client';
import { TokenService } from './token.service';

@Module({
  imports: [TypeOrmModule.forFeature([SmsCodeEntity, RefreshTokenEntity]), UsersModule, EnterprisesModule],
  controllers: [AuthController, MeController],
  providers: [
    AuthService,
    TokenService,
    WechatClient,
    AlipayClient,
    { provide: SmsProvider, inject: [AppConfig], useFactory: createSmsProvider },
  ],
  exports: [TokenService],
})
export class AuthModule {}
