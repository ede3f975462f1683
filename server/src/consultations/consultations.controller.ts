import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ConsultationView } from '@gov/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AnswerConsultationDto, ConsultationQuery, CreateConsultationDto } from './dto/consultations.dto';
import { ConsultationsService } from './consultations.service';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post('consultations')
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateConsultationDto): Promise<ConsultationView> {
    return this.consultations.create(caller, body);
  }

  @Get('consultations')
  list(@CurrentUser() caller: AuthUser): Promise<ConsultationView[]> {
    return this.consultations.list(caller);
  }

  @Get('consultations/:id')
  get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<ConsultationView> {
    return this.consultations.get(caller, id);
  }

  @Roles('staff', 'admin')
  @Get('staff/consultations')
  staffList(@CurrentUser() caller: AuthUser, @Query() q: ConsultationQuery): Promise<ConsultationView[]> {
    return this.consultations.staffList(caller, q.status);
  }

  @Roles('staff', 'admin')
  @Post('staff/consultations/:id/answer')
  @HttpCode(200)
  answer(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: AnswerConsultationDto): Promise<ConsultationView> {
    return this.consultations.answer(caller, id, body.answer, body.guideServiceId ?? null);
  }

  /** For supervisors: the hall's open questions past their answer time (all halls for an admin). */
  @Roles('staff', 'admin')
  @Get('staff/supervision/consultations')
  overdue(@CurrentUser() caller: AuthUser): Promise<ConsultationView[]> {
    return this.consultations.overdue(caller);
  }
}
