import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ENTERPRISE_ROLES, EnterpriseRole } from '@gov/shared';

export class CreateEnterpriseDto {
  @ApiProperty({ example: '清河市星火科技有限公司' }) @IsString() @Length(2, 100) name!: string;
  @ApiProperty({ example: '91410100MA0000000X', description: '18 位统一社会信用代码（校验码须正确）' })
  @IsString()
  @Length(18, 18, { message: '统一社会信用代码为 18 位' })
  creditCode!: string;
  @ApiProperty({ example: '张三' }) @IsString() @Length(2, 64) legalRepName!: string;
}

export class AddMemberDto {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: '请输入正确的 11 位手机号' })
  phone!: string;

  @ApiProperty({ enum: ENTERPRISE_ROLES }) @IsIn(ENTERPRISE_ROLES) role!: EnterpriseRole;
}
