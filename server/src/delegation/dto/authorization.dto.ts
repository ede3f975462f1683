import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { OnBehalfOfDto } from './on-behalf-of.dto';
import { IsMainlandPhone } from '../../common/validation/phone.validator';
import type { CreateAuthorizationRequest } from '@gov/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateAuthorizationDto implements CreateAuthorizationRequest {
  @ApiProperty({ type: OnBehalfOfDto, description: '委托人：本人（person，id 为自己的用户 id）或本人管理的企业（enterprise）' })
  @ValidateNested()
  @Type(() => OnBehalfOfDto)
  principal!: OnBehalfOfDto;

  @ApiProperty({ example: '13900139000', description: '受托人（代办人）手机号' })
  @IsString()
  @IsMainlandPhone()
  agentPhone!: string;

  @ApiProperty({ type: [String], nullable: true, description: '授权的事项；null 表示全部事项（须明确传 null，不传则拒绝）；不能为空数组' })
  // the pipe tells the first rule broken, and the rule nearest the property is checked first: the
  // list itself (left out: 请选择…; empty: 请至少选择…) before its items
  @ValidateIf((o: CreateAuthorizationDto) => o.serviceIds !== null)
  @Length(1, 36, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(100)
  @ArrayMinSize(1, { message: '请至少选择一个事项，或选择全部事项' })
  @IsArray({ message: '请选择授权的事项，或明确选择全部事项' })
  serviceIds!: string[] | null;

  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) validFrom!: string;
  @ApiProperty({ example: '2027-05-31' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) validTo!: string;
}

export class AuthorizationQuery {
  @ApiPropertyOptional({ enum: ['principal', 'agent'] })
  @IsOptional()
  @IsIn(['principal', 'agent'])
  role?: 'principal' | 'agent';
}
