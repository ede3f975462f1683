import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, Validate, ValidateIf, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidDate } from '../calendar.rules';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return isValidDate(v);
  }
  defaultMessage(): string {
    return '日期格式应为 YYYY-MM-DD';
  }
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: '2026-09-20', description: '起始日期（含），默认今天' })
  @IsOptional()
  @Validate(IsCalendarDate)
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-20', description: '结束日期（含），默认起始日期后 30 天；跨度至多 366 天' })
  @IsOptional()
  @Validate(IsCalendarDate)
  to?: string;
}

export class CalendarDateParamDto {
  @ApiProperty({ example: '2027-10-01' })
  @Validate(IsCalendarDate)
  date!: string;
}

export class SetCalendarDayDto {
  @ApiProperty({ description: '是否为工作日' })
  @IsBoolean()
  workday!: boolean;

  @ApiPropertyOptional({ example: '国庆节', nullable: true, type: String, description: '节日或调休说明' })
  @ValidateIf((o: SetCalendarDayDto) => o.name !== null && o.name !== undefined)
  @IsString()
  @MaxLength(64)
  name?: string | null;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-10' }) date!: string;
  @ApiProperty() workday!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '国庆节调休上班' }) name!: string | null;
}
