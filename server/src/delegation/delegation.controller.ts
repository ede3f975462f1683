import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { DelegationService, AuthorizationView } from './delegation.service';
import { AuthorizationQuery, CreateAuthorizationDto } from './dto/authorization.dto';

@ApiTags('authorizations')
@ApiBearerAuth()
@Roles('citizen')
@Controller('authorizations')
export class DelegationController {
  constructor(private readonly delegation: DelegationService) {}

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateAuthorizationDto): Promise<AuthorizationView> {
    return this.delegation.create(caller, body);
  }

  @Get()
  list(@CurrentUser() caller: AuthUser, @Query() q: AuthorizationQuery): Promise<AuthorizationView[]> {
    return this.delegation.list(caller, q.role);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<AuthorizationView> {
    return this.delegation.respond(caller, id, true);
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<AuthorizationView> {
    return this.delegation.respond(caller, id, false);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<AuthorizationView> {
    return this.delegation.revoke(caller, id);
  }
}
