import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { AuthUser, CurrentUser, Public } from '../common/auth/auth.decorators';
import { MessageView, NotificationsService } from './notifications.service';

class SubscribeConsentDto {
  @ApiProperty({ example: ['booking_reminder'], description: '用户在 requestSubscribeMessage 中同意的模板（键名）' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  accepted!: string[];
}

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiQuery({ name: 'unread', required: false, enum: ['1', '0', 'true', 'false'] })
  list(@CurrentUser() caller: AuthUser, @Query('unread') unread?: string): Promise<MessageView[]> {
    return this.notifications.list(caller.id, unread === '1' || unread === 'true');
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() caller: AuthUser): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(caller.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentUser() caller: AuthUser): Promise<{ marked: number }> {
    return { marked: await this.notifications.markAllRead(caller.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<void> {
    await this.notifications.markRead(caller.id, id);
  }

  @Public()
  @Get('subscribe-templates')
  templates() {
    return this.notifications.templates();
  }

  @Post('subscriptions')
  @HttpCode(200)
  consent(@CurrentUser() caller: AuthUser, @Body() body: SubscribeConsentDto) {
    return this.notifications.recordConsents(caller.id, body.accepted);
  }
}
