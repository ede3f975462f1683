import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Message } from '@gov/shared';
import { AuthUser, CurrentUser } from '../common/auth/auth.decorators';
import { NotificationsService } from './notifications.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiQuery({ name: 'unread', required: false, enum: ['1', '0', 'true', 'false'] })
  list(@CurrentUser() caller: AuthUser, @Query('unread') unread?: string): Promise<Message[]> {
    return this.notifications.list(caller.id, unread === '1' || unread === 'true');
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() caller: AuthUser): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(caller.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<void> {
    await this.notifications.markRead(caller.id, id);
  }
}
