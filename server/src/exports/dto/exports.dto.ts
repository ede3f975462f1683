import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsOptionalRowId } from '../../common/validation/row-id';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What every export takes besides its range: an admin's hall and the (audited) full numbers. */
class ExportScopeQuery {
  @IsOptionalRowId({ description: '管理员：导出哪个大厅（不填为全部大厅）；窗口人员固定为本人所在大厅' })
  hallId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '管理员：导出完整手机号和证件号码（记入审计日志）' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unmasked?: 'true' | 'false';
}

export class BookingsExportQuery extends ExportScopeQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: '哪一天（默认今天，北京时间）' })
  @IsOptional()
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  date?: string;
}

export class ApplicationsExportQuery extends ExportScopeQuery {
  @ApiProperty({ example: '2026-12', description: '提交办件的月份（北京时间）' })
  @Matches(MONTH, { message: '月份格式应为 YYYY-MM' })
  month!: string;
}

export class SatisfactionExportQuery {
  @IsOptionalRowId({ description: '管理员：导出哪个大厅（不填为全部大厅）' })
  hallId?: string;

  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to!: string;
}
