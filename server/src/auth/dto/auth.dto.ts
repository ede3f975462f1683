import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import type { AlipayLoginRequest, ConsentRequest, RefreshRequest, SmsLoginRequest, SmsSendRequest, StaffLoginRequest, VerifyRequest, WechatLoginRequest } from '@gov/shared';

const PHONE = /^1[3-9]\d{9}$/;

export class SmsSendDto implements SmsSendRequest {
  @ApiProperty({ example: '13800138000' })
  @IsString()
  @Matches(PHONE, { message: '请输入正确的 11 位手机号' })
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
  @ApiProperty({ example: '张三' })
  @IsString()
  @Matches(/^[\u4e00-\u9fa5·]{2,20}$|^[A-Za-z][A-Za-z .·-]{1,39}$/, { message: '请输入与身份证一致的姓名' })
  realName!: string;

  @ApiProperty({ example: '11010519491231002X' })
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: '身份证号为 18 位' })
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
