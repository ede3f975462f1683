import { ApiProperty } from '@nestjs/swagger';
import type { ApplicationStatus } from '@gov/shared';

export class CloseAccountCheckDto {
  @ApiProperty({ description: '是否可以注销（没有未完成的事项）' }) canClose!: boolean;
  @ApiProperty({ description: '待办理（booked）的预约数' }) bookings!: number;
  @ApiProperty({ description: '未办结的办件数（含草稿）' }) applications!: number;
  @ApiProperty({ description: '待确认的错时办理申请数' }) offhours!: number;
  @ApiProperty({ description: '仅有本人一位管理员、且还有其他成员的企业数' }) enterprises!: number;
}

class TodoBookingDto {
  @ApiProperty() id!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty() hallName!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
}

class TodoFilingDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty() status!: ApplicationStatus;
  @ApiProperty({ enum: ['correction', 'materials_owed'], description: 'correction：需补正；materials_owed：容缺材料待补交' }) action!: string;
}

export class TodoSummaryDto {
  @ApiProperty({ type: TodoBookingDto, nullable: true, description: '下一个待办理的预约' }) nextBooking!: TodoBookingDto | null;
  @ApiProperty({ type: TodoFilingDto, isArray: true, description: '等待申请人处理的办件' }) filings!: TodoFilingDto[];
  @ApiProperty() unreadMessages!: number;
}
