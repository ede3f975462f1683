import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { OFFHOURS_STATUSES, OffhoursStatus } from '@gov/shared';
import { OnBehalfOfDto } from '../../delegation/dto/on-behalf-of.dto';
import { IsOffsetTime } from '../../common/validation/is-offset-time';
import type { ConfirmOffhoursRequest, OffhoursCreateRequest, RefuseOffhoursRequest } from '@gov/shared';

export class CreateOffhoursDto implements OffhoursCreateRequest {
  @ApiProperty() @IsString() @Length(1, 36) serviceId!: string;
  @ApiProperty() @IsString() @Length(1, 36) hallId!: string;
  @ApiProperty({ example: '2026-12-12T10:00:00+08:00' }) @IsOffsetTime() preferredStart!: string;
  @ApiProperty({ example: '2026-12-12T11:00:00+08:00' }) @IsOffsetTime() preferredEnd!: string;
  @ApiPropertyOptional({ example: '白天上班，希望周六上午办理' }) @IsOptional() @IsString() @MaxLength(500) note?: string;

  @ApiPropertyOptional({ type: OnBehalfOfDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OnBehalfOfDto)
  onBehalfOf?: OnBehalfOfDto;
}

export class ConfirmOffhoursDto implements ConfirmOffhoursRequest {
  @ApiProperty({ example: '2026-12-12T10:00:00+08:00' }) @IsOffsetTime() start!: string;
  @ApiProperty({ example: '2026-12-12T11:00:00+08:00' }) @IsOffsetTime() end!: string;
  @ApiProperty({ example: '王窗口' }) @IsString() @Length(1, 64) staffName!: string;
}

export class RefuseOffhoursDto implements RefuseOffhoursRequest {
  @ApiProperty({ example: '该事项需联合审查，请于工作日办理' }) @IsString() @Length(2, 500) reason!: string;
}

export class OffhoursQuery {
  @ApiPropertyOptional({ enum: OFFHOURS_STATUSES })
  @IsOptional()
  @IsIn(OFFHOURS_STATUSES)
  status?: OffhoursStatus;
}
