import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AdvanceDto, PrereviewDto } from './dto/applications.dto';
import { StaffPartsService } from './staff-parts.service';
import type { StaffApplicationView } from './staff-applications.service';

/**
 * 一件事: each department's part of a bundle filing, pre-reviewed and decided in parallel by that
 * department's reviewers (受审分离: never the one who accepted the filing). The window accepts,
 * refuses, returns and delivers the whole filing through the /staff/applications/:id routes.
 */
@ApiTags('staff')
@ApiBearerAuth()
@Roles('reviewer', 'admin')
@Controller('staff/applications/:id/parts')
export class StaffPartsController {
  constructor(private readonly parts: StaffPartsService) {}

  @Post(':partId/prereview')
  @HttpCode(200)
  prereview(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Param('partId') partId: string, @Body() body: PrereviewDto): Promise<StaffApplicationView> {
    return this.parts.prereview(caller, id, partId, body.decisions);
  }

  @Post(':partId/advance')
  @HttpCode(200)
  advance(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Param('partId') partId: string, @Body() body: AdvanceDto): Promise<StaffApplicationView> {
    return this.parts.advance(caller, id, partId, body.to, body.note);
  }
}
