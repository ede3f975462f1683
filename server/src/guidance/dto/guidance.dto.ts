import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { GUIDANCE_APPLICANTS } from '@gov/shared';
import type {
  GuidanceAnswersRequest,
  GuidanceApplicant,
  GuidanceMaterial,
  GuidanceOption,
  GuidanceOutcomeRule,
  GuidanceQuestion,
  GuidanceTopicInput,
} from '@gov/shared';
import { IsOptionalRowId } from '../../common/validation/row-id';
import { NestedList } from '../../common/validation/nested-list';

export class GuidanceAnswersDto implements GuidanceAnswersRequest {
  @ApiProperty({ example: { form: 'individual', leisure: 'no', staff: 'yes' } })
  @IsObject()
  answers!: Record<string, string>;
}

/** A question's or an option's key: what answers and conditions name. */
const KEY = /^[A-Za-z0-9_-]+$/;
const KEY_MESSAGE = '只能由字母、数字、下划线或连字符组成';
const APPLICANT_MESSAGE = '申请人只能是 person（个人）或 enterprise（企业）';

export class GuidanceOptionDto implements GuidanceOption {
  @ApiProperty({ example: 'individual' })
  @IsString()
  @Length(1, 32)
  @Matches(KEY, { message: `选项值${KEY_MESSAGE}` })
  value!: string;

  @ApiProperty({ example: '个体工商户' })
  @IsString()
  @Length(1, 60)
  label!: string;

  @ApiPropertyOptional({ enum: GUIDANCE_APPLICANTS, description: '选中它即确定申请人类型（“谁来申请”类问题）' })
  @IsOptional()
  @IsIn(GUIDANCE_APPLICANTS as unknown as string[], { message: APPLICANT_MESSAGE })
  applicant?: GuidanceApplicant;
}

export class GuidanceQuestionDto implements GuidanceQuestion {
  @ApiProperty({ example: 'form' })
  @IsString()
  @Length(1, 32)
  @Matches(KEY, { message: `问题编号${KEY_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: '您打算以什么形式经营？' })
  @IsString()
  @Length(1, 200)
  text!: string;

  @NestedList(GuidanceOptionDto, 20)
  options!: GuidanceOptionDto[];
}

export class GuidanceMaterialDto implements GuidanceMaterial {
  @ApiProperty({ example: '居民身份证' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiProperty({ example: '经营者本人' })
  @IsString()
  @MaxLength(200)
  note!: string;

  @ApiPropertyOptional({ example: '营业执照', description: '证照夹中该类电子证照有效的，标为免提交' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  certificateType?: string;
}

export class GuidanceOutcomeDto implements GuidanceOutcomeRule {
  @ApiPropertyOptional({ example: { form: 'individual' }, description: '问题编号 → 选项值（或选项值列表）；都满足时本条生效，不填则总是生效' })
  @IsOptional()
  @IsObject()
  when?: Record<string, string | string[]>;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['QH-SCJG-001'], description: '事项编码，按办理顺序' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  serviceCodes?: string[];

  @IsOptionalRowId({ description: '一件事（可选）' })
  bundleId?: string;

  @IsOptionalRowId({ description: '办理大厅' })
  hallId?: string;

  @NestedList(GuidanceMaterialDto, 50, { optional: true })
  materials?: GuidanceMaterialDto[];
}

export class GuidanceTopicDto implements GuidanceTopicInput {
  @ApiProperty({ example: '开办餐饮店' })
  @IsString()
  @Length(1, 100)
  title!: string;

  @ApiProperty({ example: '开饭店、小吃店、奶茶店等' })
  @IsString()
  @MaxLength(200)
  summary!: string;

  @ApiProperty({ enum: GUIDANCE_APPLICANTS })
  @IsIn(GUIDANCE_APPLICANTS as unknown as string[], { message: APPLICANT_MESSAGE })
  applicant!: GuidanceApplicant;

  @ApiPropertyOptional({ description: '排序，小的在前' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;

  @ApiPropertyOptional({ description: '停用后不再向群众展示', default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @NestedList(GuidanceQuestionDto, 20)
  questions!: GuidanceQuestionDto[];

  @NestedList(GuidanceOutcomeDto, 100)
  outcomes!: GuidanceOutcomeDto[];
}
