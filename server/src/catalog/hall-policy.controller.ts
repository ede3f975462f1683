import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { HallPolicy } from '@gov/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { HallPolicyBodyDto, HallPolicyDto } from './dto/hall-policy.dto';
import { HallPolicyService } from './hall-policy.service';

/** GET/PUT /admin/halls/:id/policy: a hall's own rules (API.md, Admin). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/halls/:id/policy')
export class HallPolicyController {
  constructor(private readonly policies: HallPolicyService) {}

  @Get()
  @ApiOkResponse({ type: HallPolicyDto })
  get(@Param('id') id: string): Promise<HallPolicy> {
    return this.policies.read(id);
  }

  @Put()
  @ApiOkResponse({ type: HallPolicyDto })
  put(@Param('id') id: string, @Body() body: HallPolicyBodyDto, @CurrentUser() user: AuthUser): Promise<HallPolicy> {
    return this.policies.put(id, body, user.id);
  }
}
