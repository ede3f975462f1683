import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Me } from '@gov/shared';
import { AuthUser, CurrentUser } from '../common/auth/auth.decorators';
import { UsersService } from '../users/users.service';
import { VerifyDto } from './dto/auth.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async me(@CurrentUser() caller: AuthUser): Promise<Me> {
    return this.users.toMe(await this.users.requireById(caller.id));
  }

  @Post('verify')
  @HttpCode(200)
  async verify(@CurrentUser() caller: AuthUser, @Body() body: VerifyDto): Promise<Me> {
    return this.users.toMe(await this.users.verify(caller.id, body.realName, body.idNumber));
  }
}
