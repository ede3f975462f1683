import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { RateResult, RatingView, SatisfactionStats, StaffRectificationView } from '@gov/shared';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth/auth.decorators';
import { Listed, listOrPage } from '../common/paging';
import { AnswerDto, CreateRatingDto, RatingListQuery, RectificationQuery, RerateDto, SatisfactionQuery } from './dto/rating.dto';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @ApiBearerAuth()
  @Roles('citizen')
  @Post('ratings')
  rate(@CurrentUser() caller: AuthUser, @Body() body: CreateRatingDto): Promise<RateResult> {
    return this.ratings.rate(caller, body);
  }

  @ApiBearerAuth()
  @Roles('citizen')
  @Post('ratings/:id/rerate')
  @HttpCode(200)
  rerate(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: RerateDto): Promise<RatingView> {
    return this.ratings.rerate(caller, id, body);
  }

  @ApiBearerAuth()
  @Roles('citizen')
  @Get('ratings')
  list(@CurrentUser() caller: AuthUser, @Query() q: RatingListQuery): Promise<RatingView[]> {
    return this.ratings.list(caller, q);
  }

  @Public()
  @Get('stats/satisfaction')
  stats(@Query() q: SatisfactionQuery): Promise<SatisfactionStats> {
    return this.ratings.stats(q);
  }

  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @Get('staff/rectifications')
  async staffList(@CurrentUser() caller: AuthUser, @Query() q: RectificationQuery): Promise<Listed<StaffRectificationView>> {
    return listOrPage(await this.ratings.staffList(caller, q.status), q);
  }

  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @Post('staff/rectifications/:id/answer')
  @HttpCode(200)
  answer(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: AnswerDto): Promise<StaffRectificationView> {
    return this.ratings.answer(caller, id, body.answer);
  }
}
