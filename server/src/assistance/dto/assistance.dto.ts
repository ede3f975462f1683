import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES, type AssistanceAssignRequest, type AssistanceCreateRequest, type AssistanceKind, type AssistanceStatus } from '@gov/shared';
import { IsRowId } from '../../common/validation/row-id';

export class CreateAssistanceDto implements AssistanceCreateRequest {
  @IsRowId() serviceId!: string;
  @ApiProperty({ enum: ASSISTANCE_KINDS, example: 'helper' }) @IsIn(ASSISTANCE_KINDS, { message: '请选择帮办方式' }) kind!: AssistanceKind;
  @ApiPropertyOptional({ example: '年纪大了不会用手机，希望有人帮忙填表' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class AssignAssistanceDto implements AssistanceAssignRequest {
  @IsRowId() staffId!: string;
}

export class AssistanceQuery {
  @ApiPropertyOptional({ enum: ASSISTANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES)
  status?: AssistanceStatus;
}
