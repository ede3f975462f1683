import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AddMemberDto, CreateEnterpriseDto } from './dto/enterprise.dto';
import { EnterpriseDetail, EnterprisesService, EnterpriseView } from './enterprises.service';

@ApiTags('enterprises')
@ApiBearerAuth()
@Roles('citizen')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateEnterpriseDto): Promise<EnterpriseView> {
    return this.enterprises.create(caller, body);
  }

  @Get()
  list(@CurrentUser() caller: AuthUser): Promise<EnterpriseView[]> {
    return this.enterprises.list(caller);
  }

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<EnterpriseDetail> {
    return this.enterprises.get(caller, id);
  }

  @Post(':id/members')
  addMember(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: AddMemberDto): Promise<EnterpriseDetail> {
    return this.enterprises.addMember(caller, id, body.phone, body.role);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  async removeMember(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    await this.enterprises.removeMember(caller, id, userId);
  }
}
