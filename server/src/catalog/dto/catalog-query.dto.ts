import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIENCES, Audience, DELIVERY_METHODS, DeliveryMethod, HALL_LEVELS, HallLevel, MATERIAL_FORMS, MaterialForm } from '@gov/shared';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageParams } from '../../common/paging';

export class ServiceListQueryDto extends PageParams {
  @ApiPropertyOptional({ description: '名称、关键词、全拼（hunyin）或拼音首字母（yyzz）', example: '营业执照' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: '主题分类', example: '企业开办' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ enum: AUDIENCES, description: 'person 与 enterprise 都包含 both' })
  @IsOptional()
  @IsIn(AUDIENCES as unknown as string[], { message: 'audience 只能是 person、enterprise 或 both' })
  audience?: Audience;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  departmentId?: string;
}

export class CategoryQueryDto {
  @ApiPropertyOptional({ enum: AUDIENCES, description: '只计入面向该对象的事项（person、enterprise 都包含 both）' })
  @IsOptional()
  @IsIn(AUDIENCES as unknown as string[], { message: 'audience 只能是 person、enterprise 或 both' })
  audience?: Audience;
}

// ---- answers (for the OpenAPI document) ----

export class DepartmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '清河市市场监督管理局' }) name!: string;
}

export class HallDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() hours!: string;
  @ApiProperty({ enum: HALL_LEVELS }) level!: HallLevel;
  @ApiProperty({ type: Number, nullable: true, description: 'GCJ-02 纬度' }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'GCJ-02 经度' }) longitude!: number | null;
}

export class ServiceSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'QH-SCJG-002' }) code!: string;
  @ApiProperty({ example: '有限责任公司设立登记（营业执照）' }) name!: string;
  @ApiProperty() departmentName!: string;
  @ApiPropertyOptional({ nullable: true, description: '办结核发的电子证照类型及有效年限（years 为空即长期）', type: 'object', properties: { type: { type: 'string' }, years: { type: 'integer', nullable: true } } })
  certificate?: { type: string; years: number | null } | null;
  @ApiProperty({ enum: AUDIENCES }) audience!: Audience;
  @ApiProperty({ example: '企业开办' }) category!: string;
  @ApiProperty({ description: '承诺时限（工作日）' }) promisedDays!: number;
  @ApiProperty() onlinePrereview!: boolean;
}

export class ServicePageDto {
  @ApiProperty({ type: ServiceSummaryDto, isArray: true }) items!: ServiceSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CategoryDto {
  @ApiProperty({ example: '企业开办' }) name!: string;
  @ApiProperty({ enum: AUDIENCES, description: '该主题下事项的服务对象' }) audience!: Audience;
  @ApiProperty() count!: number;
}

export class ServiceMaterialDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: '可容缺受理' }) tolerable!: boolean;
  @ApiProperty() copies!: number;
  @ApiProperty({ enum: MATERIAL_FORMS }) form!: MaterialForm;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '空白表格下载地址' }) templateUrl!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: '免提交：持有该类型的有效电子证照即可，无需上传' }) certificateType?: string | null;
}

export class ServiceFeeDto {
  @ApiProperty() free!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '分' }) amount!: number | null;
  @ApiProperty({ nullable: true, type: String }) basis!: string | null;
}

export class GuideHallDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() hours!: string;
  @ApiProperty() phone!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'GCJ-02 纬度' }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'GCJ-02 经度' }) longitude!: number | null;
}

export class ServiceGuideDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) subItem!: string | null;
  @ApiProperty() scope!: string;
  @ApiProperty() acceptingBody!: string;
  @ApiProperty() decidingBody!: string;
  @ApiProperty() conditions!: string;
  @ApiProperty({ type: ServiceMaterialDto, isArray: true }) materials!: ServiceMaterialDto[];
  @ApiProperty({ type: String, isArray: true }) process!: string[];
  @ApiProperty() legalDays!: number;
  @ApiProperty() promisedDays!: number;
  @ApiProperty({ type: ServiceFeeDto }) fee!: ServiceFeeDto;
  @ApiProperty({ enum: DELIVERY_METHODS, isArray: true }) delivery!: DeliveryMethod[];
  @ApiProperty() consultPhone!: string;
  @ApiProperty() complaintPhone!: string;
  @ApiProperty({ type: GuideHallDto, isArray: true }) halls!: GuideHallDto[];
  @ApiProperty() basis!: string;
  @ApiProperty({ enum: AUDIENCES }) audience!: Audience;
  @ApiProperty() category!: string;
  @ApiProperty() keyProject!: boolean;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ type: String, isArray: true }) keywords!: string[];
  @ApiProperty() onlinePrereview!: boolean;
  @ApiProperty({ description: '即办件：窗口当场办结' }) instant!: boolean;
}
