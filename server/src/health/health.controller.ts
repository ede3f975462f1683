import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthResult } from '@gov/shared';
import { Public } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** Liveness: 200 while the process runs and answers HTTP (no database call: a database outage must not get the process restarted). */
  @Get('live')
  live(): { status: 'ok'; time: string } {
    return { status: 'ok', time: this.clock.now().toISOString() };
  }

  /** Readiness (GET /health/ready, and GET /health): 200 when the database answers; 503 UNAVAILABLE (with `details.database: 'down'`) when it does not. */
  @Get(['', 'ready'])
  async health(): Promise<HealthResult> {
    try {
      await Promise.race([
        this.ds.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('health timeout')), 3000).unref()),
      ]);
    } catch {
      throw new DomainError('UNAVAILABLE', '数据库暂时不可用', { database: 'down' });
    }
    return { status: 'ok', database: 'up', time: this.clock.now().toISOString() };
  }
}
