import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { JobsService } from './jobs.service';
import { JOB_NAMES, JobResult } from './scheduled-job';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Runs one scheduled job now (the same idempotent body as the timer's) and answers its counts; 404 NOT_FOUND for an unknown name. */
  @Post(':name/run')
  @HttpCode(200)
  @ApiParam({ name: 'name', enum: JOB_NAMES })
  run(@Param('name') name: string): Promise<JobResult> {
    return this.jobs.run(name);
  }
}
