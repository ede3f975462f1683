import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type EligibilityView, type RatedBookingView, Slot } from '@gov/shared';
import { AuthUser, CurrentUser, Public } from '../common/auth/auth.decorators';
import { RatingsService } from '../ratings/ratings.service';
import { BookingService, BookingView } from './booking.service';
import { BookingListQuery, CreateBookingDto, RescheduleDto, SlotQuery } from './dto/booking.dto';
import { SlotsService } from './slots.service';
import { StandingService } from './standing.service';

@ApiTags('bookings')
@Controller()
export class BookingController {
  constructor(
    private readonly bookings: BookingService,
    private readonly slots: SlotsService,
    private readonly standing: StandingService,
    private readonly ratings: RatingsService,
  ) {}

  @Public()
  @Get('services/:id/slots')
  serviceSlots(@Param('id') id: string, @Query() q: SlotQuery): Promise<Slot[]> {
    return this.slots.forService(id, q.hallId, q.from, q.to);
  }

  @ApiBearerAuth()
  @Post('bookings')
  book(@CurrentUser() caller: AuthUser, @Body() body: CreateBookingDto): Promise<BookingView> {
    return this.bookings.book(caller, body);
  }

  @ApiBearerAuth()
  @Get('bookings')
  async list(@CurrentUser() caller: AuthUser, @Query() q: BookingListQuery): Promise<RatedBookingView[]> {
    return this.ratings.withRatingState(caller, 'booking', await this.bookings.list(caller, q.status, q.enterpriseId));
  }

  @ApiBearerAuth()
  @Get('bookings/:id')
  async get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<RatedBookingView> {
    const [view] = await this.ratings.withRatingState(caller, 'booking', [await this.bookings.get(caller, id)]);
    return view;
  }

  @ApiBearerAuth()
  @Post('bookings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<BookingView> {
    return this.bookings.cancel(caller, id);
  }

  /** Move the booking to another slot: every rule on the new slot, the old place freed in the same transaction. */
  @ApiBearerAuth()
  @Post('bookings/:id/reschedule')
  @HttpCode(200)
  reschedule(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: RescheduleDto): Promise<BookingView> {
    return this.bookings.reschedule(caller, id, body.slotId);
  }

  @ApiBearerAuth()
  @Get('me/booking-eligibility')
  eligibility(@CurrentUser() caller: AuthUser): Promise<EligibilityView> {
    return this.standing.eligibility(caller.id);
  }
}
