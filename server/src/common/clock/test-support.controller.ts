import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { IsOffsetTime } from '../validation/is-offset-time';
import { Public } from '../auth/auth.decorators';
import { ClockService } from './clock.service';

class SetClockDto {
  /** ISO time to pin the server's clock to; null to return to real time. */
  @ValidateIf((o: SetClockDto) => o.now !== null)
  @IsOffsetTime()
  @IsOptional()
  now!: string | null;

  /** true: the clock keeps ticking from `now` (null: back to real time) instead of being pinned */
  @IsOptional()
  @IsBoolean()
  ticking?: boolean;
}

/** Mounted only when TEST_CLOCK=1 (never in production: the configuration refuses it). */
@ApiExcludeController()
@Public()
@Controller('__test__')
export class TestSupportController {
  constructor(private readonly clock: ClockService) {}

  @Post('clock')
  @HttpCode(200)
  set(@Body() body: SetClockDto): { now: string } {
    const at = body.now ? new Date(body.now) : null;
    if (body.ticking) this.clock.shift(at);
    else this.clock.set(at);
    return { now: this.clock.now().toISOString() };
  }

  /** An unexpected fault, to prove that its stack and SQL never reach the client. */
  @Get('boom')
  boom(): never {
    const e = new Error("ER_PARSE_ERROR: You have an error in your SQL syntax near 'SELECT * FROM users'");
    throw e;
  }
}
