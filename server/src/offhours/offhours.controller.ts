import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ConfirmOffhoursDto, CreateOffhoursDto, OffhoursQuery, RefuseOffhoursDto } from './dto/offhours.dto';
import { OffhoursService, OffhoursView } from './offhours.service';

@ApiTags('offhours')
@ApiBearerAuth()
@Controller()
export class OffhoursController {
  constructor(private readonly offhours: OffhoursService) {}

  @Post('offhours-requests')
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateOffhoursDto): Promise<OffhoursView> {
    return this.offhours.create(caller, body);
  }

  @Get('offhours-requests')
  list(@CurrentUser() caller: AuthUser): Promise<OffhoursView[]> {
    return this.offhours.list(caller);
  }

  @Get('offhours-requests/:id')
  get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<OffhoursView> {
    return this.offhours.get(caller, id);
  }

  @Post('offhours-requests/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<OffhoursView> {
    return this.offhours.cancel(caller, id);
  }

  @Roles('staff', 'admin')
  @Get('staff/offhours-requests')
  staffList(@CurrentUser() caller: AuthUser, @Query() q: OffhoursQuery): Promise<OffhoursView[]> {
    return this.offhours.staffList(caller, q.status);
  }

  @Roles('staff', 'admin')
  @Post('staff/offhours-requests/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ConfirmOffhoursDto): Promise<OffhoursView> {
    return this.offhours.confirm(caller, id, body);
  }

  @Roles('staff', 'admin')
  @Post('staff/offhours-requests/:id/refuse')
  @HttpCode(200)
  refuse(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: RefuseOffhoursDto): Promise<OffhoursView> {
    return this.offhours.refuse(caller, id, body);
  }

  /** For supervisors: the hall's pending requests past their reply-by time (all halls for an admin). */
  @Roles('supervisor', 'admin')
  @Get('staff/supervision/offhours-requests')
  overdue(@CurrentUser() caller: AuthUser): Promise<OffhoursView[]> {
    return this.offhours.overdue(caller);
  }
}
