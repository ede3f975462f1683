import { PageQuery } from '../../common/paging';
import { IsRowId } from '../../common/validation/row-id';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus, DELIVERY_METHODS, DeliveryMethod, SLA_STATES, SlaState } from '@gov/shared';
import { IsOptionalOnBehalfOf, OnBehalfOfDto } from '../../delegation/dto/on-behalf-of.dto';
import type { ForwardRequest, AdvanceRequest, CommitmentRequest, CompleteApplicationRequest, ReturnApplicationRequest, CreateApplicationRequest, DeliverRequest, DeliveryChoiceRequest, PostalAddress, PrereviewDecision, PrereviewRequest, RefuseApplicationRequest, WithdrawRequest } from '@gov/shared';
import { NestedList } from '../../common/validation/nested-list';

export class CreateApplicationDto implements CreateApplicationRequest {
  @ApiPropertyOptional({ description: '事项；与 bundleId 二者选一' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  serviceId?: string;

  @ApiPropertyOptional({ description: '一件事；与 serviceId 二者选一' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  bundleId?: string;

  @ApiPropertyOptional({ description: '办理大厅；不填则为该事项的第一个办理大厅' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  hallId?: string;

  @IsOptionalOnBehalfOf()
  onBehalfOf?: OnBehalfOfDto;
}

export class ApplicationListQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: '企业 id：列出该企业的办件（须为企业成员）' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  enterpriseId?: string;

  @ApiPropertyOptional({ description: '最多返回几件（1–200，默认 200）', example: 20 })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|1\d\d|200)$/, { message: 'limit 须为 1–200 的整数' })
  limit?: string;

  @ApiPropertyOptional({ description: '上一页最后一件的 id：只列出比它更早创建的办件' })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  before?: string;
}

export class CommitmentDto implements CommitmentRequest {
  @ApiProperty({ type: String, isArray: true, description: '签署信用承诺、容缺受理的材料（须为可容缺材料）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 36, { each: true })
  materialIds!: string[];
}

export class WithdrawDto implements WithdrawRequest {
  @ApiPropertyOptional({ example: '材料准备不全，改日再办' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class LookupQuery {
  @ApiProperty({ example: 'ZW20261201-000123' })
  @IsString()
  @Matches(/^ZW\d{8}-\d{6}$/, { message: '办件编号格式应为 ZW20261201-000123' })
  number!: string;

  @ApiProperty({ example: '1234', description: '申请人手机号后四位' })
  @IsString()
  @Matches(/^\d{4}$/, { message: '请输入手机号后四位' })
  phoneTail!: string;
}

export class DecisionDto implements PrereviewDecision {
  @ApiProperty()
  @IsString()
  @Length(1, 36)
  materialId!: string;

  @ApiProperty()
  @IsBoolean()
  ok!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: '身份证复印件不清晰，请重新拍照上传' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class PrereviewDto implements PrereviewRequest {
  @NestedList(DecisionDto, 100, { min: 1, description: '对全部材料一次性作出结论' })
  decisions!: DecisionDto[];
}

export class RefuseDto implements RefuseApplicationRequest {
  @ApiProperty({ example: '申请事项依法不属于本机关职权范围' })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

export class ReturnDto implements ReturnApplicationRequest {
  @ApiProperty({ example: '承诺补交的房屋产权证明逾期未补交，申请材料不齐全' })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

export class ForwardDto implements ForwardRequest {
  @IsRowId({ description: '承办大厅（转办），或办理结果回传的受理大厅' })
  hallId!: string;
}

export class CompleteDto implements CompleteApplicationRequest {
  @ApiPropertyOptional({ example: '当场审核通过，证件已当面交付' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export const ADVANCE_TARGETS = ['under_review', 'approved', 'denied'] as const;
export type AdvanceTarget = (typeof ADVANCE_TARGETS)[number];

export class AdvanceDto implements AdvanceRequest {
  @ApiProperty({ enum: ADVANCE_TARGETS })
  @IsIn(ADVANCE_TARGETS)
  to!: AdvanceTarget;

  @ApiPropertyOptional({ description: '决定说明（准予或不予许可时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class DeliverDto implements DeliverRequest {
  @ApiProperty({ enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  method!: DeliveryMethod;

  @ApiPropertyOptional({ description: '邮寄送达时必填' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{6,40}$/, { message: '快递单号为 6-40 位字母或数字' })
  trackingNo?: string;
}

export class StaffApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ enum: SLA_STATES })
  @IsOptional()
  @IsIn(SLA_STATES)
  sla?: SlaState;

  @ApiPropertyOptional({ description: '管理员可指定大厅' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  hallId?: string;

  @ApiPropertyOptional({ description: '只看该部门事项的办件（审核人员的本部门办件）' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  departmentId?: string;
}

/** A postal address as typed; its rules (checkPostalAddress, shared with the mini-app) apply in the service. */
export class PostalAddressDto implements PostalAddress {
  @ApiProperty({ example: '张小三' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ example: '139 0012 3456' }) @IsString() @MaxLength(40) phone!: string;
  @ApiProperty({ example: '河南省清河市龙湖区' }) @IsString() @MaxLength(200) region!: string;
  @ApiProperty({ example: '人民大道168号3单元501' }) @IsString() @MaxLength(400) detail!: string;
}

/** PUT /applications/:id/delivery */
export class DeliveryChoiceDto implements DeliveryChoiceRequest {
  @ApiProperty({ enum: DELIVERY_METHODS, description: '送达方式：须为该事项公布的方式之一' })
  @IsIn(DELIVERY_METHODS as unknown as string[], { message: 'method 只能是 window、post 或 online' })
  method!: DeliveryMethod;

  @ApiPropertyOptional({ type: PostalAddressDto, description: '邮寄送达时必填' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}
