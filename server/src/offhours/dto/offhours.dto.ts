import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { OFFHOURS_REFUSAL_REASONS, OFFHOURS_STATUSES, OffhoursRefusalReason, OffhoursStatus } from '@gov/shared';
import { IsOptionalOnBehalfOf, OnBehalfOfDto } from '../../delegation/dto/on-behalf-of.dto';
import { IsOffsetTime } from '../../common/validation/is-offset-time';
import type { ConfirmOffhoursRequest, OffhoursCreateRequest, RefuseOffhoursRequest } from '@gov/shared';
import { IsRowId } from '../../common/validation/row-id';

export class CreateOffhoursDto implements OffhoursCreateRequest {
  @IsRowId() serviceId!: string;
  @IsRowId() hallId!: string;
  @ApiProperty({ example: '2026-12-12T10:00:00+08:00' }) @IsOffsetTime() preferredStart!: string;
  @ApiProperty({ example: '2026-12-12T11:00:00+08:00' }) @IsOffsetTime() preferredEnd!: string;
  @ApiPropertyOptional({ example: '白天上班，希望周六上午办理' }) @IsOptional() @IsString() @MaxLength(500) note?: string;

  @IsOptionalOnBehalfOf()
  onBehalfOf?: OnBehalfOfDto;
}

export class ConfirmOffhoursDto implements ConfirmOffhoursRequest {
  @ApiProperty({ example: '2026-12-12T10:00:00+08:00' }) @IsOffsetTime() start!: string;
  @ApiProperty({ example: '2026-12-12T11:00:00+08:00' }) @IsOffsetTime() end!: string;
  @ApiProperty({ example: '王窗口' }) @IsString() @Length(1, 64) staffName!: string;
  @ApiPropertyOptional({ example: '请另带户口本原件' }) @IsOptional() @IsString() @MaxLength(500) materialsNote?: string;
}

/** A reason from the list (no "non-working day", 罗山 预约办 七) and free text; anything else is VALIDATION_FAILED. */
export class RefuseOffhoursDto implements RefuseOffhoursRequest {
  @ApiProperty({ enum: OFFHOURS_REFUSAL_REASONS, example: 'onsite_inspection' })
  @IsIn(OFFHOURS_REFUSAL_REASONS, { message: '请从列表中选择不予安排的原因' })
  reason!: OffhoursRefusalReason;
  @ApiPropertyOptional({ example: '需到现场核查经营场所' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class OffhoursQuery {
  @ApiPropertyOptional({ enum: OFFHOURS_STATUSES })
  @IsOptional()
  @IsIn(OFFHOURS_STATUSES)
  status?: OffhoursStatus;
}
