import { Module } from '@nestjs/common';
import { BookingModule } from '../../booking/booking.module';
import { UsersModule } from '../../users/users.module';
import { SeedService } from './seed.service';

@Module({ imports: [UsersModule, BookingModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
