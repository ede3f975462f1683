import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { Listed, listOrPage, PageQuery } from '../common/paging';
import { FollowUpsService, CallbackView } from './follow-ups.service';

class MonthQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' }) month?: string;
}

class OutcomeDto {
  @ApiProperty({ description: '是否联系上申请人' }) @IsBoolean() reached!: boolean;
  @ApiPropertyOptional({ description: '申请人是否满意' }) @ValidateIf((o: OutcomeDto) => o.satisfied !== undefined && o.satisfied !== null) @IsBoolean() satisfied?: boolean | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff/callbacks')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  async list(@CurrentUser() caller: AuthUser, @Query() q: MonthQuery): Promise<Listed<CallbackView>> {
    return listOrPage(await this.followUps.list(caller, q.month), q);
  }

  @Post(':id/reveal-phone')
  @HttpCode(200)
  reveal(@CurrentUser() caller: AuthUser, @Param('id') id: string) {
    return this.followUps.revealPhone(caller, id);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  outcome(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: OutcomeDto): Promise<CallbackView> {
    return this.followUps.record(caller, id, body);
  }
}
