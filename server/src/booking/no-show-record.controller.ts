import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { Listed, listOrPage, PageQuery } from '../common/paging';
import { AppealView, NoShowRecordItem, NoShowRecordService } from './no-show-record.service';

class AppealDto {
  @ApiProperty({ example: '当天突发急病住院，有医院证明' }) @IsString() @Length(2, 500) reason!: string;
}

class DecideDto {
  @ApiProperty({ description: 'true 豁免该爽约；false 驳回申诉' }) @IsBoolean() waive!: boolean;
  @ApiProperty({ example: '已核实医院证明，予以豁免' }) @IsString() @Length(2, 500) answer!: string;
}

class RecordQuery {
  @ApiPropertyOptional({ description: '代办人查看委托人的记录' }) @IsOptional() @IsString() @MaxLength(36) principalId?: string;
}

class AppealQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'waived', 'rejected'] }) @IsOptional() @IsIn(['open', 'waived', 'rejected']) status?: 'open' | 'waived' | 'rejected';
}

@ApiTags('bookings')
@ApiBearerAuth()
@Controller()
export class NoShowRecordController {
  constructor(private readonly records: NoShowRecordService) {}

  @Roles('citizen')
  @Get('me/no-shows')
  record(@CurrentUser() caller: AuthUser, @Query() q: RecordQuery): Promise<NoShowRecordItem[]> {
    return this.records.record(caller, q.principalId);
  }

  @Roles('citizen')
  @Post('me/no-shows/:bookingId/appeal')
  appeal(@CurrentUser() caller: AuthUser, @Param('bookingId') bookingId: string, @Body() body: AppealDto) {
    return this.records.appeal(caller, bookingId, body.reason);
  }

  @Roles('staff', 'admin')
  @Get('staff/appeals')
  async appeals(@CurrentUser() caller: AuthUser, @Query() q: AppealQuery): Promise<Listed<AppealView>> {
    return listOrPage(await this.records.staffList(caller, q.status), q);
  }

  @Roles('staff', 'admin')
  @Post('staff/appeals/:id/decide')
  @HttpCode(200)
  decide(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: DecideDto): Promise<AppealView> {
    return this.records.decide(caller, id, body.waive, body.answer);
  }
}
