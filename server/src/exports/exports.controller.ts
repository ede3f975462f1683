import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApplicationsExportQuery, BookingsExportQuery, SatisfactionExportQuery } from './dto/exports.dto';
import { ExportsService, PreparedExport } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The hall office's spreadsheets (API.md Staff: exports), streamed as .xlsx. */
@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('bookings.xlsx')
  @ApiProduces(XLSX)
  async bookings(@CurrentUser() caller: AuthUser, @Query() q: BookingsExportQuery, @Res() res: Response): Promise<void> {
    await send(res, await this.exports.bookings(caller, { date: q.date, hallId: q.hallId, unmasked: q.unmasked === 'true' }));
  }

  @Get('applications.xlsx')
  @ApiProduces(XLSX)
  async applications(@CurrentUser() caller: AuthUser, @Query() q: ApplicationsExportQuery, @Res() res: Response): Promise<void> {
    await send(res, await this.exports.applications(caller, { month: q.month, hallId: q.hallId, unmasked: q.unmasked === 'true' }));
  }

  @Get('satisfaction.xlsx')
  @ApiProduces(XLSX)
  async satisfaction(@CurrentUser() caller: AuthUser, @Query() q: SatisfactionExportQuery, @Res() res: Response): Promise<void> {
    await send(res, await this.exports.satisfaction(caller, q));
  }
}

/** Headers, then the workbook streamed; a failure mid-stream can only cut the download short (the status is already sent). */
async function send(res: Response, file: PreparedExport): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', XLSX);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await file.write(res);
  } catch (e) {
    res.destroy(e as Error);
  }
}
