import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { BookingService, BookingView } from './booking.service';
import { WaitlistService, WaitlistView } from './waitlist.service';
import { IsOptionalRowId } from '../common/validation/row-id';

class JoinDto {
  @IsOptionalRowId({ description: '时段不限事项时必填' }) serviceId?: string;
}

@ApiTags('bookings')
@ApiBearerAuth()
@Roles('citizen')
@Controller()
export class WaitlistController {
  constructor(
    private readonly waitlist: WaitlistService,
    private readonly bookings: BookingService,
  ) {}

  @Post('slots/:id/waitlist')
  join(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: JoinDto): Promise<{ id: string; position: number }> {
    return this.waitlist.join(caller, id, body?.serviceId);
  }

  @Delete('slots/:id/waitlist')
  @HttpCode(204)
  async leave(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<void> {
    await this.waitlist.leave(caller, id);
  }

  @Get('me/waitlist')
  mine(@CurrentUser() caller: AuthUser): Promise<WaitlistView[]> {
    return this.waitlist.mine(caller);
  }

  @Post('waitlist/:id/accept')
  async accept(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<BookingView> {
    return this.bookings.get(caller, await this.waitlist.accept(caller, id));
  }
}
