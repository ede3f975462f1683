import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsMainlandPhone } from '../../common/validation/phone.validator';
import { ENTERPRISE_ROLES, ENTERPRISE_STATUSES, EnterpriseRole, EnterpriseStatus } from '@gov/shared';
import type { AddMemberRequest, CreateEnterpriseRequest, VerifyEnterpriseRequest } from '@gov/shared';

export class CreateEnterpriseDto implements CreateEnterpriseRequest {
  @ApiProperty({ example: '清河市星火科技有限公司' }) @IsString() @Length(2, 100) name!: string;
  @ApiProperty({ example: '91410100MA0000000X', description: '18 位统一社会信用代码（校验码须正确）' })
  @IsString()
  @Length(18, 18, { message: '统一社会信用代码为 18 位' })
  creditCode!: string;
  @ApiProperty({ example: '张三' }) @IsString() @Length(2, 64) legalRepName!: string;
}

export class AddMemberDto implements AddMemberRequest {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @IsMainlandPhone()
  phone!: string;

  @ApiProperty({ enum: ENTERPRISE_ROLES }) @IsIn(ENTERPRISE_ROLES) role!: EnterpriseRole;
}

export class StaffEnterpriseQuery {
  @ApiPropertyOptional({ enum: ENTERPRISE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(ENTERPRISE_STATUSES)
  status?: EnterpriseStatus;
}

export class VerifyEnterpriseDto implements VerifyEnterpriseRequest {
  @ApiProperty({ description: 'true 通过核验；false 不通过（须写明原因）' }) @IsBoolean() approve!: boolean;
  @ApiPropertyOptional({ description: '核验说明；不通过时必填，企业会收到', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}
