import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type ClosingCheck, TodoSummary } from '@gov/shared';
import { AuthUser, CurrentUser } from '../common/auth/auth.decorators';
import { isClosingBlocked } from './account.rules';
import { AccountService } from './account.service';
import { CloseAccountCheckDto, TodoSummaryDto } from './dto/account.dto';

/** The account's own life on /me: 注销 and the home page's to-do card. Consent is on MeController. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** 注销: 204, or 409 INVALID_STATE with `details: { bookings, applications, offhours, enterprises }` while any is open. */
  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: '账号已注销' })
  async close(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.account.close(caller);
  }

  /** What would keep DELETE /me from closing the account, before trying (the 注销 page lists it). */
  @Get('closing-check')
  @ApiOkResponse({ type: CloseAccountCheckDto })
  async closingCheck(@CurrentUser() caller: AuthUser): Promise<ClosingCheck> {
    const b = await this.account.blockers(caller.id);
    return { canClose: !isClosingBlocked(b), ...b };
  }

  /** The home page's to-do card: the next booking, filings that wait for the applicant, unread messages. */
  @Get('todo')
  @ApiOkResponse({ type: TodoSummaryDto })
  todo(@CurrentUser() caller: AuthUser): Promise<TodoSummary> {
    return this.account.todo(caller);
  }
}
