import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BookingModule } from '../booking/booking.module';
import { RatingsModule } from '../ratings/ratings.module';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { OffhoursModule } from '../offhours/offhours.module';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({ imports: [ApplicationsModule, BookingModule, RatingsModule, CallbacksModule, OffhoursModule], controllers: [JobsController], providers: [JobsService] })
export class JobsModule {}
