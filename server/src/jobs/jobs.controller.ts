import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { JOB_NAMES, JobsService } from './jobs.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post(':name/run')
  @HttpCode(200)
  @ApiParam({ name: 'name', enum: JOB_NAMES })
  run(@Param('name') name: string): Promise<Record<string, number>> {
    return this.jobs.run(name);
  }
}
