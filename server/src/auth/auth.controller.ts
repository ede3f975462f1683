import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthResult } from '@gov/shared';
import { Public } from '../common/auth/auth.decorators';
import { AuthService } from './auth.service';
import { AlipayLoginDto, AuthResultDto, RefreshDto, SmsLoginDto, SmsSendDto, StaffLoginDto, WechatLoginDto } from './dto/auth.dto';
import { SmsSendLimited } from '../common/sms-throttle';
import { TokenService } from './token.service';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
  ) {}

  @Post('sms/send')
  @HttpCode(204)
  @SmsSendLimited()
  async sendSms(@Body() body: SmsSendDto): Promise<void> {
    await this.auth.sendSmsCode(body.phone);
  }

  @Post('sms/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  smsLogin(@Body() body: SmsLoginDto): Promise<AuthResult> {
    return this.auth.smsLogin(body.phone, body.code);
  }

  @Post('wechat/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  wechatLogin(@Body() body: WechatLoginDto): Promise<AuthResult> {
    return this.auth.wechatLogin(body.code);
  }

  @Post('alipay/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  alipayLogin(@Body() body: AlipayLoginDto): Promise<AuthResult> {
    return this.auth.alipayLogin(body.authCode);
  }

  @Post('staff/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  staffLogin(@Body() body: StaffLoginDto): Promise<AuthResult> {
    return this.auth.staffLogin(body.username, body.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  refresh(@Body() body: RefreshDto): Promise<AuthResult> {
    return this.tokens.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.tokens.logout(body.refreshToken);
  }
}
