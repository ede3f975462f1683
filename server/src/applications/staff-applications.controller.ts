import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { Listed, listOrPage } from '../common/paging';
import type { ApplicantRevealed } from '../users/applicants.service';
import { AdvanceDto, CompleteDto, DeliverDto, ForwardDto, PrereviewDto, RefuseDto, ReturnDto, StaffApplicationQuery } from './dto/applications.dto';
import { ForwardingService } from './forwarding.service';
import { StaffApplicationsService, StaffApplicationView } from './staff-applications.service';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff/applications')
export class StaffApplicationsController {
  constructor(
    private readonly staff: StaffApplicationsService,
    private readonly forwarding: ForwardingService,
  ) {}

  @Get()
  async list(@CurrentUser() caller: AuthUser, @Query() q: StaffApplicationQuery): Promise<Listed<StaffApplicationView>> {
    return listOrPage(await this.staff.list(caller, q), q);
  }

  /** The applicant's full name, ID and phone numbers, and the postal address for delivery by post (audited). */
  @Post(':id/reveal-applicant')
  @HttpCode(200)
  reveal(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<ApplicantRevealed> {
    return this.staff.revealApplicant(caller, id);
  }

  @Post(':id/prereview')
  @Roles('window', 'admin')
  @HttpCode(200)
  prereview(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: PrereviewDto): Promise<StaffApplicationView> {
    return this.staff.prereview(caller, id, body.decisions);
  }

  /** Window duties: pre-review, accept, refuse, deliver. */
  @Post(':id/accept')
  @Roles('window', 'admin')
  @HttpCode(200)
  accept(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffApplicationView> {
    return this.staff.accept(caller, id);
  }

  @Post(':id/refuse')
  @Roles('window', 'admin')
  @HttpCode(200)
  refuse(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: RefuseDto): Promise<StaffApplicationView> {
    return this.staff.refuse(caller, id, body.reason);
  }

  /** 受审分离: reviewers of the service's department, never the person who accepted it. */
  @Post(':id/advance')
  @Roles('reviewer', 'admin')
  @HttpCode(200)
  advance(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: AdvanceDto): Promise<StaffApplicationView> {
    return this.staff.advance(caller, id, body.to, body.note);
  }

  @Post(':id/deliver')
  @Roles('window', 'admin')
  @HttpCode(200)
  deliver(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: DeliverDto): Promise<StaffApplicationView> {
    return this.staff.deliver(caller, id, body.method, body.trackingNo);
  }

  /** 退件 after acceptance, with reasons (退件回执 at /applications/:id/return.pdf). */
  @Post(':id/return')
  @Roles('window', 'admin')
  @HttpCode(200)
  returnFiling(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ReturnDto): Promise<StaffApplicationView> {
    return this.staff.returnFiling(caller, id, body.reason);
  }

  /**
   * 即办: an instant service decided and handed over on the spot, no receipt — by the window clerk
   * who has it in hand (受审分离 cannot apply to a decision made on the spot: there is no acceptance
   * for a reviewer to be kept apart from).
   */
  @Post(':id/complete')
  @Roles('window', 'admin')
  @HttpCode(200)
  complete(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: CompleteDto): Promise<StaffApplicationView> {
    return this.staff.complete(caller, id, body.note);
  }

  /** 同城通办 / 跨层联办: to the competent hall (`forwarding`), or the decided result back to the filing hall (`returning`). */
  @Post(':id/forward')
  @Roles('window', 'admin')
  @HttpCode(200)
  forward(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ForwardDto): Promise<StaffApplicationView> {
    return this.forwarding.forward(caller, id, body.hallId);
  }

  /** The receiving hall takes a forwarded filing (the clock runs again) or a returned result (for delivery). */
  @Post(':id/receive')
  @Roles('window', 'admin')
  @HttpCode(200)
  receive(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffApplicationView> {
    return this.forwarding.receive(caller, id);
  }
}
