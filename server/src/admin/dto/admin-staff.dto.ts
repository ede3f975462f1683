import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@gov/shared';
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

  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true, description: '默认 ["window","reviewer","supervisor"]（无部门时不含 reviewer）' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(STAFF_ROLES, { each: true, message: '岗位须为 window、reviewer 或 supervisor' })
  roles?: StaffRole[];
}
