import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { BookingModule } from '../booking/booking.module';
import { BookingEntity } from '../booking/entities/booking.entity';
import { UserEntity } from '../users/entities/user.entity';
import { AdminPhrasesController, DeskController } from './desk.controller';
import { CorrectionPhraseEntity } from './entities/correction-phrase.entity';
import { PhrasesService } from './phrases.service';
import { DeskSearchService } from './search.service';

/** The staff desk: search across the hall's bookings and filings, and the stock correction phrases. */
@Module({
  imports: [TypeOrmModule.forFeature([CorrectionPhraseEntity, UserEntity, BookingEntity, ApplicationEntity]), BookingModule, ApplicationsModule],
  controllers: [DeskController, AdminPhrasesController],
  providers: [DeskSearchService, PhrasesService],
})
export class DeskModule {}
