import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsOptionalRowId, IsRowId } from '../../common/validation/row-id';

export class CreateStaffDto {
  @ApiProperty({ example: 'staff02' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, { message: '用户名为 3-32 位字母、数字或 _.-，以字母开头' })
  username!: string;

  @ApiProperty({ description: '至少 8 位，含字母和数字' })
  @IsString()
  @Length(8, 128)
  @Matches(/^(?=.*[A-Za-z])(?=.*\d).+$/, { message: '密码至少 8 位，须包含字母和数字' })
  password!: string;

  @ApiProperty({ example: '李窗口' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @IsRowId()
  hallId!: string;

  @IsOptionalRowId()
  departmentId?: string;
}
