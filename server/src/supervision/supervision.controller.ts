import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SupervisionBoard } from '@gov/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { SupervisionService } from './supervision.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/supervision')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  /** For supervisors (督办): the hall's late filings, off-hours requests and rectification tickets. */
  @Roles('supervisor', 'admin')
  @Get()
  board(@CurrentUser() caller: AuthUser): Promise<SupervisionBoard> {
    return this.supervision.board(caller);
  }
}
