import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GuidanceResult, GuidanceTopicSummary, GuidanceTopicView } from '@gov/shared';
import { AuthUser, MaybeUser, Public } from '../common/auth/auth.decorators';
import { GuidanceAnswersDto } from './dto/guidance.dto';
import { GuidanceService } from './guidance.service';

/** 智能导办: public, no sign-in needed (a signed-in caller's checklist marks what their 证照夹 covers). */
@ApiTags('guidance')
@Public()
@Controller('guidance')
export class GuidanceController {
  constructor(private readonly guidance: GuidanceService) {}

  @Get()
  list(): Promise<GuidanceTopicSummary[]> {
    return this.guidance.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<GuidanceTopicView> {
    return this.guidance.get(id);
  }

  @Post(':id/answers')
  @HttpCode(200)
  answer(@Param('id') id: string, @Body() body: GuidanceAnswersDto, @MaybeUser() caller: AuthUser | null): Promise<GuidanceResult> {
    return this.guidance.answer(id, body.answers, caller);
  }
}
