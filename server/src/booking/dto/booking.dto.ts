import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';
import { PageQuery } from '../../common/paging';
import { IsOptionalOnBehalfOf, OnBehalfOfDto } from '../../delegation/dto/on-behalf-of.dto';
import { IsOffsetTime } from '../../common/validation/is-offset-time';
import { AdminSlot, BOOKING_STATUSES, BookingStatus, SLOT_KINDS, SlotKind, CONTACT_OUTCOMES, ContactOutcome, SlotTemplate } from '@gov/shared';
import type { CheckInRequest, ContactRequest, RegisterBookingRequest, RescheduleRequest, CloseSlotRequest, CreateBookingRequest, CreateSlotTemplateRequest, GenerateSlotsRequest, GenerateSlotsResult, ReasonRequest } from '@gov/shared';
import { IsOptionalRowId, IsRowId } from '../../common/validation/row-id';
import { IsCalendarDate } from '../../calendar/dto/calendar.dto';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateBookingDto implements CreateBookingRequest {
  @IsRowId()
  slotId!: string;

  @IsRowId()
  serviceId!: string;

  @IsOptionalOnBehalfOf()
  onBehalfOf?: OnBehalfOfDto;
}

export class BookingListQuery {
  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;

  @ApiPropertyOptional({ description: '企业成员查看企业的全部预约' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  enterpriseId?: string;
}

export class SlotQuery {
  @IsOptionalRowId()
  hallId?: string;

  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @Validate(IsCalendarDate)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-14' })
  @IsOptional()
  @Validate(IsCalendarDate)
  to?: string;
}

export class CreateSlotTemplateDto implements CreateSlotTemplateRequest {
  @IsRowId() hallId!: string;
  @IsOptionalRowId() serviceId?: string;
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = 周一 … 7 = 周日' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;
  @ApiProperty({ example: '09:00' }) @Matches(HHMM, { message: '时间格式应为 HH:mm' }) start!: string;
  @ApiProperty({ example: '09:30' }) @Matches(HHMM, { message: '时间格式应为 HH:mm' }) end!: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) capacity!: number;
}

export class GenerateSlotsDto implements GenerateSlotsRequest {
  @IsRowId() hallId!: string;
  @ApiProperty({ example: '2026-12-01' }) @Validate(IsCalendarDate) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @Validate(IsCalendarDate) to!: string;
}

export class AdminSlotQuery {
  @IsRowId() hallId!: string;
  // a real calendar date (2026-13-45 is refused naming the field), not only its shape
  @ApiProperty({ example: '2026-12-07' }) @Validate(IsCalendarDate) from!: string;
  @ApiProperty({ example: '2026-12-13', description: '至多 31 天' }) @Validate(IsCalendarDate) to!: string;
}

export class CloseSlotDto implements CloseSlotRequest {
  @ApiProperty({ example: '系统故障，当日下午暂停窗口服务' })
  @IsString()
  @Length(2, 500)
  reason!: string;
}

/** GET /admin/slots: one slot with what is taken (OpenAPI shape of AdminSlot). */
export class AdminSlotDto implements AdminSlot {
  @ApiProperty() id!: string;
  @ApiProperty() hallId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null：全部事项（大厅通用时段）' }) serviceId!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceName!: string | null;
  @ApiProperty({ description: 'Asia/Shanghai 日期' }) day!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() booked!: number;
  @ApiProperty({ description: '为候补保留的名额' }) held!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ description: 'false：已关闭' }) active!: boolean;
  @ApiProperty({ enum: SLOT_KINDS }) kind!: SlotKind;
  @ApiProperty({ type: String, nullable: true }) templateId!: string | null;
}

export class ClosedSlotDto extends AdminSlotDto {
  @ApiProperty({ description: '改为 cancelled_by_centre 的预约数' }) cancelled!: number;
}

export class SlotTemplateDto implements SlotTemplate {
  @ApiProperty() id!: string;
  @ApiProperty() hallId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null：全部事项' }) serviceId!: string | null;
  @ApiProperty({ minimum: 1, maximum: 7 }) weekday!: number;
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '09:30' }) end!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() active!: boolean;
}

export class GenerateResultDto implements GenerateSlotsResult {
  @ApiProperty() created!: number;
  @ApiProperty({ description: '已存在（未重复生成）的时段数' }) existing!: number;
}

export class CreateSlotDto {
  @IsRowId() hallId!: string;
  @IsOptionalRowId() serviceId?: string;
  @ApiProperty({ example: '2026-12-14T09:00:00+08:00' }) @IsOffsetTime() start!: string;
  @ApiProperty({ example: '2026-12-14T09:30:00+08:00' }) @IsOffsetTime() end!: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) capacity!: number;
}

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ example: 'K7M2Q9XA' })
  @IsString()
  @Length(4, 20)
  code!: string;
}

export class ReasonDto implements ReasonRequest {
  @ApiProperty({ example: '申请人来电说明因病未能前来' })
  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class StaffBookingQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional()
  @Validate(IsCalendarDate)
  date?: string;

  @ApiPropertyOptional({ enum: [...BOOKING_STATUSES, 'late'], description: 'late：已过开始时间、未签到且未计爽约的预约（待联系名单）' })
  @IsOptional()
  @IsIn([...BOOKING_STATUSES, 'late'])
  status?: BookingStatus | 'late';

  @ApiPropertyOptional({ example: '2026-12-01', description: '窗口登记（电话/现场）的预约：当天登记的，不论预约哪天；给出时忽略 date 和 status' })
  @IsOptional()
  @Validate(IsCalendarDate)
  registeredOn?: string;

  @ApiPropertyOptional({ description: '管理员可指定大厅' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  hallId?: string;
}

/** POST /staff/bookings/:id/contact */
export class ContactDto implements ContactRequest {
  @ApiProperty({ description: '是否联系上申请人' })
  @IsBoolean()
  reached!: boolean;

  @ApiProperty({ enum: CONTACT_OUTCOMES, description: '联系结果：coming 仍将前来，reschedule 改约，gave_up 不再办理，none 未联系上' })
  @IsIn(CONTACT_OUTCOMES as unknown as string[])
  outcome!: ContactOutcome;

  @ApiPropertyOptional({ example: '电话无人接听' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** POST /staff/bookings */
export class RegisterBookingDto implements RegisterBookingRequest {
  @IsRowId() slotId!: string;
  @IsRowId() serviceId!: string;
  @ApiProperty({ example: '张三' }) @IsString() @Length(1, 64) name!: string;
  @ApiProperty({ example: '13800138000' }) @IsString() @Length(1, 24) phone!: string;
  @ApiPropertyOptional({ description: '工作人员核验的居民身份证号' }) @IsOptional() @IsString() @Length(1, 32) idNumber?: string;
}

/** POST /bookings/:id/reschedule */
export class RescheduleDto implements RescheduleRequest {
  @IsRowId() slotId!: string;
}
