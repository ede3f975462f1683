import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Staff exports (.xlsx) of bookings, filings and 好差评. */
@Module({ controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
