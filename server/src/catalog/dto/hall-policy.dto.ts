import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import type { HallPolicyRequest, OpeningWindow } from '@gov/shared';
import { MAX_GRACE_MINUTES } from '../hall-policy.rules';
import { NestedList } from '../../common/validation/nested-list';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class OpeningWindowDto implements OpeningWindow {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 周一 … 7 周日' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @ApiProperty({ example: '09:00' }) @Matches(HHMM, { message: '时间格式应为 HH:mm' }) start!: string;
  @ApiProperty({ example: '12:00' }) @Matches(HHMM, { message: '时间格式应为 HH:mm' }) end!: string;
}

/** Body of PUT /admin/halls/:id/policy. */
export class HallPolicyBodyDto implements HallPolicyRequest {
  @ApiProperty({ description: '预约开始后多少分钟未到记为爽约（罗山 30，新郑 60）', minimum: 0, maximum: MAX_GRACE_MINUTES })
  @IsInt()
  @Min(0)
  @Max(MAX_GRACE_MINUTES)
  noShowGraceMinutes!: number;

  @ApiProperty({ description: '记为爽约前是否须先电话联系未果（罗山 预约办 四.2）' })
  @IsBoolean()
  noShowContactRequired!: boolean;

  @NestedList(OpeningWindowDto, 70)
  openingHours!: OpeningWindowDto[];
}

export class HallPolicyDto {
  @ApiProperty() hallId!: string;
  @ApiProperty() noShowGraceMinutes!: number;
  @ApiProperty() noShowContactRequired!: boolean;
  @ApiProperty({ type: OpeningWindowDto, isArray: true }) openingHours!: OpeningWindowDto[];
  @ApiProperty({ description: '大厅未设置时为 true（使用默认规则）' }) isDefault!: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}
