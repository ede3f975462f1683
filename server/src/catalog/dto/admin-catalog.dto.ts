import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIENCES, Audience, DELIVERY_METHODS, DeliveryMethod, HALL_LEVELS, HallLevel, MATERIAL_FORMS, MaterialForm } from '@gov/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ServiceGuideDto } from './catalog-query.dto';
import { IsOptionalRowId, IsRowId } from '../../common/validation/row-id';
import { NestedList } from '../../common/validation/nested-list';

const notNull = (field: string) => (o: Record<string, unknown>) => o[field] !== null && o[field] !== undefined;

export class DepartmentBodyDto {
  @ApiProperty({ example: '清河市市场监督管理局' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiPropertyOptional({ description: '排序，小的在前', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;
}

export class HallBodyDto {
  @ApiProperty({ example: '清河市政务服务中心' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  address!: string;

  @ApiProperty({ example: '0391-26612345' })
  @IsString()
  @Matches(/^[0-9+\-() ]{5,32}$/, { message: '电话号码格式不正确' })
  phone!: string;

  @ApiProperty({ example: '周一至周五 9:00-12:00，13:30-17:00' })
  @IsString()
  @Length(1, 200)
  hours!: string;

  @ApiProperty({ enum: HALL_LEVELS })
  @IsIn(HALL_LEVELS as unknown as string[], { message: 'level 只能是 city、county 或 town' })
  level!: HallLevel;

  @IsOptionalRowId({ nullable: true, description: '上一级大厅（镇 → 县 → 市）；同一市级中心之下的大厅可同城通办' })
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'GCJ-02 纬度', example: 34.7466 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 }, { message: '纬度须为数字（最多 6 位小数）' })
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'GCJ-02 经度', example: 113.6254 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 }, { message: '经度须为数字（最多 6 位小数）' })
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;
}

export class MaterialBodyDto {
  @IsOptionalRowId({ description: '修改已有材料时带上其 id（已提交的办件引用它）；新材料不带' })
  id?: string;

  @ApiProperty({ example: '个体工商户登记（备案）申请书' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiProperty({ description: '可容缺受理（仅必交材料）' })
  @IsBoolean()
  tolerable!: boolean;

  @ApiProperty({ minimum: 1, maximum: 99 })
  @IsInt()
  @Min(1)
  @Max(99)
  copies!: number;

  @ApiProperty({ enum: MATERIAL_FORMS })
  @IsIn(MATERIAL_FORMS as unknown as string[], { message: 'form 只能是 original、copy 或 electronic' })
  form!: MaterialForm;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(notNull('note'))
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: '空白表格的标题；为空则不提供下载' })
  @ValidateIf(notNull('templateName'))
  @IsString()
  @Length(1, 200)
  templateName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: '免提交：申请人持有该类型的有效电子证照（如“营业执照”）即可，无需上传' })
  @ValidateIf(notNull('certificateType'))
  @IsString()
  @Length(1, 64)
  certificateType?: string | null;
}

export class FeeBodyDto {
  @ApiProperty()
  @IsBoolean()
  free!: boolean;

  @ApiPropertyOptional({ nullable: true, type: Number, description: '金额（分），收费事项必填' })
  @ValidateIf(notNull('amount'))
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: '收费依据，收费事项必填' })
  @ValidateIf(notNull('basis'))
  @IsString()
  @MaxLength(2000)
  basis?: string | null;
}

export class ServiceBodyDto {
  @ApiProperty({ example: 'QH-SCJG-001' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, { message: '事项编码为 1-64 位字母、数字或 _.-' })
  code!: string;

  @ApiProperty({ example: '个体工商户设立登记' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(notNull('subItem'))
  @IsString()
  @MaxLength(200)
  subItem?: string | null;

  @IsRowId()
  departmentId!: string;

  @ApiProperty() @IsString() @Length(1, 5000) scope!: string;
  @ApiProperty() @IsString() @Length(1, 2000) acceptingBody!: string;
  @ApiProperty() @IsString() @Length(1, 2000) decidingBody!: string;
  @ApiProperty() @IsString() @Length(1, 10000) conditions!: string;

  @NestedList(MaterialBodyDto, 100)
  materials!: MaterialBodyDto[];

  @ApiProperty({ type: String, isArray: true, example: ['申请', '受理', '审查', '决定', '送达'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  process!: string[];

  @ApiProperty() @IsString() @Length(1, 10000) basis!: string;

  @ApiProperty({ description: '法定办结时限（工作日）', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(3650)
  legalDays!: number;

  @ApiProperty({ description: '承诺办结时限（工作日），不超过法定时限', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(3650)
  promisedDays!: number;

  @ApiProperty({ type: FeeBodyDto })
  @ValidateNested()
  @Type(() => FeeBodyDto)
  fee!: FeeBodyDto;

  @ApiProperty({ enum: DELIVERY_METHODS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(DELIVERY_METHODS as unknown as string[], { each: true, message: 'delivery 只能包含 window、post、online' })
  delivery!: DeliveryMethod[];

  @ApiProperty() @IsString() @Matches(/^[0-9+\-() ]{3,32}$/, { message: '电话号码格式不正确' }) consultPhone!: string;
  @ApiProperty() @IsString() @Matches(/^[0-9+\-() ]{3,32}$/, { message: '电话号码格式不正确' }) complaintPhone!: string;

  @ApiProperty({ type: String, isArray: true, description: '办理大厅' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  hallIds!: string[];

  @ApiProperty({ enum: AUDIENCES })
  @IsIn(AUDIENCES as unknown as string[], { message: 'audience 只能是 person、enterprise 或 both' })
  audience!: Audience;

  @ApiProperty({ example: '企业开办' }) @IsString() @Length(1, 64) category!: string;

  @ApiProperty({ type: String, isArray: true })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  keywords!: string[];

  @ApiProperty() @IsBoolean() onlinePrereview!: boolean;
  @ApiProperty() @IsBoolean() keyProject!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: '发证事项：准予许可后核发的电子证照类型（如“食品经营许可证”）；为空则不发证' })
  @ValidateIf(notNull('certificateType'))
  @IsString()
  @Length(1, 64)
  certificateType?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: '电子证照有效年限；为空即长期有效' })
  @ValidateIf(notNull('certificateYears'))
  @IsInt()
  @Min(1)
  @Max(100)
  certificateYears?: number | null;

  @ApiPropertyOptional({ default: false, description: '即办件：窗口当场办结、当场送达，不出具受理通知书、不计承诺时限' })
  @IsOptional()
  @IsBoolean()
  instant?: boolean;

  @ApiPropertyOptional({ default: true, description: 'false 则下架（公众不可见）' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AdminServiceSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ enum: AUDIENCES }) audience!: Audience;
  @ApiProperty() category!: string;
  @ApiProperty() legalDays!: number;
  @ApiProperty() promisedDays!: number;
  @ApiProperty() onlinePrereview!: boolean;
  @ApiProperty() keyProject!: boolean;
  @ApiProperty() active!: boolean;
}

export class AdminServiceDto extends ServiceGuideDto {
  @ApiProperty({ type: String, isArray: true }) hallIds!: string[];
  @ApiProperty() active!: boolean;
}
