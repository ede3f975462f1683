import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ID_TYPES, IdType } from '@gov/shared';
import { IsIdDocumentNumber } from '../../common/validation/id-document.validator';
import { IsMainlandPhone } from '../../common/validation/phone.validator';
import { IsRealName } from '../../common/validation/real-name.validator';
import type { AlipayLoginRequest, ConsentRequest, RefreshRequest, SmsLoginRequest, SmsSendRequest, StaffLoginRequest, VerifyRequest, WechatLoginRequest } from '@gov/shared';

export class SmsSendDto implements SmsSendRequest {
  @ApiProperty({ example: '+86 138 0013 8000', description: '大陆手机号，可带 +86/0086/86、空格、短横线或全角数字；按 11 位保存' })
  @IsString()
  @IsMainlandPhone()
  phone!: string;
}

export class SmsLoginDto extends SmsSendDto implements SmsLoginRequest {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  code!: string;
}

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login 返回的 code' })
  @IsString()
  @Length(1, 128)
  code!: string;
}

export class AlipayLoginDto implements AlipayLoginRequest {
  @ApiProperty({ description: 'my.getAuthCode 返回的 authCode' })
  @IsString()
  @Length(1, 128)
  authCode!: string;
}

export class StaffLoginDto implements StaffLoginRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class VerifyDto implements VerifyRequest {
  @ApiPropertyOptional({ enum: ID_TYPES, default: 'resident', description: '证件类型' })
  @IsOptional()
  @IsIn(ID_TYPES, { message: '请选择证件类型' })
  idType?: IdType;

  @ApiProperty({ example: '张三', description: '与证件一致：2-30 个汉字（含各扩展区汉字，少数民族姓名以“·”分隔）；护照、永居证可为英文姓名' })
  @IsString({ message: '请输入与证件一致的姓名' })
  @IsRealName()
  realName!: string;

  @ApiProperty({ example: '11010519491231002X', description: '按证件类型校验格式（及校验位）' })
  @IsString({ message: '请输入证件号码' })
  @IsNotEmpty({ message: '请输入证件号码' })
  @MaxLength(40)
  @IsIdDocumentNumber()
  idNumber!: string;
}

export class ConsentDto implements ConsentRequest {
  @ApiProperty({ example: '2024-11-19', description: '同意的隐私政策版本（须为当前版本）' })
  @IsString()
  @Length(1, 16)
  version!: string;
}

export class AuthResultDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: '/me 的内容' }) user!: object;
}
