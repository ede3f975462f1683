import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({ imports: [BookingModule], controllers: [JobsController], providers: [JobsService] })
export class JobsModule {}
