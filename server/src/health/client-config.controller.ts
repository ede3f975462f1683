import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicConfig } from '@gov/shared';
import { Public } from '../common/auth/auth.decorators';
import { AppConfig } from '../config/app-config';

/** GET /api/config: the settings clients need to lay out their pages (public; not in API.md). */
@ApiTags('config')
@Public()
@Controller('config')
export class ClientConfigController {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /** `{ bookingHorizonDays }`: how many days ahead slots are offered (BOOKING_HORIZON_DAYS). Raises nothing. */
  @Get()
  @ApiOperation({ summary: '客户端所需的公开配置：可预约天数' })
  get(): PublicConfig {
    return { bookingHorizonDays: this.config.bookingHorizonDays };
  }
}
