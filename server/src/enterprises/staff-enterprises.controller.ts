import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { StaffEnterpriseQuery, VerifyEnterpriseDto } from './dto/enterprise.dto';
import { EnterpriseReviewService, StaffEnterpriseView } from './enterprise-review.service';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff/enterprises')
export class StaffEnterprisesController {
  constructor(private readonly review: EnterpriseReviewService) {}

  @Get()
  list(@CurrentUser() caller: AuthUser, @Query() q: StaffEnterpriseQuery): Promise<StaffEnterpriseView[]> {
    return this.review.list(caller, q.status);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: VerifyEnterpriseDto): Promise<StaffEnterpriseView> {
    return this.review.verify(caller, id, body.approve, body.note ?? null);
  }
}
