import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BookingModule } from '../booking/booking.module';
import { RatingsModule } from '../ratings/ratings.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { OffhoursModule } from '../offhours/offhours.module';
import { QueueModule } from '../queue/queue.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({ imports: [ApplicationsModule, BookingModule, RatingsModule, FollowUpsModule, OffhoursModule, QueueModule, SupervisionModule], controllers: [JobsController], providers: [JobsService] })
export class JobsModule {}
