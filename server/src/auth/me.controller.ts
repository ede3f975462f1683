import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Me } from '@gov/shared';
import { AuthUser, CurrentUser } from '../common/auth/auth.decorators';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { UsersService } from '../users/users.service';
import { ConsentDto, VerifyDto } from './dto/auth.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly enterprises: EnterprisesService,
  ) {}

  @Get()
  async me(@CurrentUser() caller: AuthUser): Promise<Me> {
    return { ...this.users.toMe(await this.users.requireById(caller.id)), enterprises: await this.enterprises.membershipsOf(caller.id) };
  }

  @Post('verify')
  @HttpCode(200)
  async verify(@CurrentUser() caller: AuthUser, @Body() body: VerifyDto): Promise<Me> {
    await this.users.verify(caller.id, body.realName, body.idNumber, body.idType ?? 'resident');
    return this.me(caller);
  }

  /** Consent to the privacy terms of this version (the current one); answers the updated /me. */
  @Post('consent')
  @HttpCode(200)
  async consent(@CurrentUser() caller: AuthUser, @Body() body: ConsentDto): Promise<Me> {
    await this.users.recordConsent(caller.id, body.version);
    return this.me(caller);
  }
}
