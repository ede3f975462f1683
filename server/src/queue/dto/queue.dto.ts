import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { TICKET_STATUSES, TicketStatus } from '@gov/shared';
import type { ConfirmGreenBody, CreateWindowBody, StaffIssueTicketBody, TakeTicketBody } from '@gov/shared';
import { IsMainlandPhone } from '../../common/validation/phone.validator';

export class GreenRequestDto {
  @ApiProperty({ description: '老弱病残孕：申请绿色通道的原因', example: '70岁以上老人' })
  @IsString()
  @Length(1, 200, { message: '请写明申请绿色通道的原因（不超过 200 字）' })
  reason!: string;
}

export class TakeTicketDto implements TakeTicketBody {
  @ApiProperty() @IsString() @Length(1, 36) serviceId!: string;
  @ApiPropertyOptional({ description: '今天在本大厅的预约：取号即签到，排预约队' }) @IsOptional() @IsString() @Length(1, 36) bookingId?: string;
  @ApiProperty({ description: '大厅二维码上的当日取号码', example: '3FA9C21B' })
  @IsString()
  @Length(1, 32, { message: '请扫描大厅的取号二维码' })
  hallCode!: string;

  @ApiPropertyOptional({ type: GreenRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GreenRequestDto)
  green?: GreenRequestDto;
}

export class StaffIssueTicketDto implements StaffIssueTicketBody {
  @ApiProperty() @IsString() @Length(1, 36) serviceId!: string;

  @ApiPropertyOptional({ type: GreenRequestDto, description: '由窗口直接确认的绿色通道' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GreenRequestDto)
  green?: GreenRequestDto;

  @ApiPropertyOptional({ example: '13900001234' }) @IsOptional() @IsMainlandPhone() phone?: string;
}

export class CreateWindowDto implements CreateWindowBody {
  @ApiProperty({ example: '5号窗口' }) @IsString() @Length(1, 50, { message: '窗口名称为 1-50 个字' }) name!: string;

  @ApiPropertyOptional({ type: [String], description: '该窗口叫号的事项；不填为本大厅全部事项' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  serviceIds?: string[];
}

export class ConfirmGreenDto implements ConfirmGreenBody {
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() confirmed?: boolean;
}

export class HallQuery {
  @ApiPropertyOptional({ description: '管理员查看某大厅' }) @IsOptional() @IsString() @Length(1, 36) hallId?: string;
}

export class StaffTicketsQuery extends HallQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
}

export class OvertimeQuery extends HallQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD（北京时间），默认今天', example: '2026-12-07' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  date?: string;
}
