import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { Listed, listOrPage } from '../common/paging';
import type { ApplicantRevealed } from '../users/applicants.service';
import { CheckInDto, ContactDto, ReasonDto, RegisterBookingDto, StaffBookingQuery } from './dto/booking.dto';
import { RegisteredBookingService } from './registered-booking.service';
import type { RegisteredBookingView } from '@gov/shared';
import { StaffBookingService, StaffBookingView } from './staff-booking.service';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff')
export class StaffBookingController {
  constructor(
    private readonly staff: StaffBookingService,
    private readonly registered: RegisteredBookingService,
  ) {}

  /** A booking for a phone call or a walk-in (kind `registered`), under every admission rule; the code by SMS where configured. */
  @Post('bookings')
  register(@CurrentUser() caller: AuthUser, @Body() body: RegisterBookingDto): Promise<RegisteredBookingView> {
    return this.registered.register(caller, body);
  }

  @Get('bookings')
  async list(@CurrentUser() caller: AuthUser, @Query() q: StaffBookingQuery): Promise<Listed<StaffBookingView>> {
    return listOrPage(await this.staff.list(caller, q), q);
  }

  @Post('bookings/check-in')
  @HttpCode(200)
  checkIn(@CurrentUser() caller: AuthUser, @Body() body: CheckInDto): Promise<StaffBookingView> {
    return this.staff.checkIn(caller, body.code);
  }

  /** The applicant's full name, ID and phone numbers (audited). */
  @Post('bookings/:id/reveal-applicant')
  @HttpCode(200)
  reveal(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<ApplicantRevealed> {
    return this.staff.revealApplicant(caller, id);
  }

  @Post('bookings/:id/no-show')
  @HttpCode(200)
  noShow(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffBookingView> {
    return this.staff.markNoShow(caller, id);
  }

  /** A call to a late applicant (罗山 预约办 四.2): `reached: false` makes a pending no-show count. */
  @Post('bookings/:id/contact')
  @HttpCode(200)
  contact(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ContactDto): Promise<StaffBookingView> {
    return this.staff.contact(caller, id, body);
  }

  /** The centre cannot keep the appointment: `cancelled_by_centre`, the applicant told why with three free slots. */
  @Post('bookings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ReasonDto): Promise<StaffBookingView> {
    return this.staff.cancelByCentre(caller, id, body.reason);
  }

  @Post('bookings/:id/waive')
  @HttpCode(200)
  waive(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ReasonDto): Promise<StaffBookingView> {
    return this.staff.waive(caller, id, body.reason);
  }

  @Post('users/:id/reinstate')
  @HttpCode(200)
  reinstate(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ReasonDto) {
    return this.staff.reinstate(caller, id, body.reason);
  }
}
