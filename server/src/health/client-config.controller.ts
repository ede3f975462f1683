import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PRIVACY_TERMS_VERSION, type PublicConfig } from '@gov/shared';
import { Public } from '../common/auth/auth.decorators';
import { AppConfig } from '../config/app-config';

/** GET /api/config: the settings clients need to lay out their pages (public; not in API.md). */
@ApiTags('config')
@Public()
@Controller('config')
export class ClientConfigController {
  constructor(private readonly config: AppConfig) {}

  /** `{ bookingHorizonDays, privacyTermsVersion }`: how many days ahead slots are offered (BOOKING_HORIZON_DAYS) and the privacy terms' version to consent to. Raises nothing. */
  @Get()
  @ApiOperation({ summary: '客户端所需的公开配置：可预约天数' })
  get(): PublicConfig {
    return { bookingHorizonDays: this.config.bookingHorizonDays, privacyTermsVersion: PRIVACY_TERMS_VERSION };
  }
}
