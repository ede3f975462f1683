import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AssistanceView, RatedAssistanceView } from '@gov/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AssignAssistanceDto, AssistanceQuery, CreateAssistanceDto } from './dto/assistance.dto';
import { AssistanceService } from './assistance.service';

@ApiTags('assistance')
@ApiBearerAuth()
@Controller()
export class AssistanceController {
  constructor(private readonly assistance: AssistanceService) {}

  @Post('assistance-requests')
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateAssistanceDto): Promise<AssistanceView> {
    return this.assistance.create(caller, body);
  }

  @Get('assistance-requests')
  list(@CurrentUser() caller: AuthUser): Promise<RatedAssistanceView[]> {
    return this.assistance.mine(caller);
  }

  @Roles('staff', 'admin')
  @Get('staff/assistance-requests')
  staffList(@CurrentUser() caller: AuthUser, @Query() q: AssistanceQuery): Promise<AssistanceView[]> {
    return this.assistance.staffList(caller, q.status);
  }

  @Roles('staff', 'admin')
  @Post('staff/assistance-requests/:id/assign')
  @HttpCode(200)
  assign(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: AssignAssistanceDto): Promise<AssistanceView> {
    return this.assistance.assign(caller, id, body.staffId);
  }

  /** The helper (or a supervisor of the hall) marks the help finished; the applicant may then rate it. */
  @Roles('staff', 'admin')
  @Post('staff/assistance-requests/:id/done')
  @HttpCode(200)
  done(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<AssistanceView> {
    return this.assistance.markDone(caller, id);
  }

  /** For supervisors: remote (异地代办) requests past their 7 working days. */
  @Roles('staff', 'admin')
  @Get('staff/supervision/assistance-requests')
  overdue(@CurrentUser() caller: AuthUser): Promise<AssistanceView[]> {
    return this.assistance.overdue(caller);
  }
}
