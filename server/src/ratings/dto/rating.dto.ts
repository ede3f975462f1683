import { PageQuery } from '../../common/paging';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { RATING_STAGES, RATING_TARGET_TYPES } from '@gov/shared';
import type { RatingStage, RatingTargetType, AnswerRectificationRequest, RateRequest, RerateRequest, SatisfactionQuery as SharedSatisfactionQuery } from '@gov/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRatingDto implements RateRequest {
  @ApiProperty({ enum: RATING_TARGET_TYPES }) @IsIn(RATING_TARGET_TYPES) targetType!: RatingTargetType;
  @ApiProperty() @IsString() @Length(1, 36) targetId!: string;
  @ApiProperty({ minimum: 1, maximum: 5, description: '5 非常满意 … 1 非常不满意' }) @IsInt() @Min(1) @Max(5) score!: number;
  @ApiPropertyOptional({ type: [String], example: ['一次办好', '态度热情'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) comment?: string;
  @ApiPropertyOptional({ enum: RATING_STAGES, description: '评价的环节（须为已经历的环节），默认当前环节' })
  @IsOptional()
  @IsIn(RATING_STAGES)
  stage?: RatingStage;
}

export class RatingListQuery {
  @ApiPropertyOptional({ enum: RATING_TARGET_TYPES, description: 'only the ratings of this kind of target' })
  @IsOptional()
  @IsIn(RATING_TARGET_TYPES)
  targetType?: RatingTargetType;
  @ApiPropertyOptional({ description: 'only the ratings of this booking or filing (one per stage)' }) @IsOptional() @IsString() @Length(1, 36) targetId?: string;
}

export class RerateDto implements RerateRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) comment?: string;
}

export class AnswerDto implements AnswerRectificationRequest {
  @ApiProperty({ example: '已对窗口人员进行批评教育，并优化了叫号流程。' }) @IsString() @Length(5, 1000) answer!: string;
}

export class RectificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'answered', 'overdue'] })
  @IsOptional()
  @IsIn(['open', 'answered', 'overdue'])
  status?: 'open' | 'answered' | 'overdue';
}

export class SatisfactionQuery implements SharedSatisfactionQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(36) hallId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(36) departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(36) serviceId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to?: string;
}
