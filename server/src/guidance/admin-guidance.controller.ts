import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { AdminGuidanceTopic } from '@gov/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { GuidanceTopicDto } from './dto/guidance.dto';
import { AdminGuidanceService } from './admin-guidance.service';

/** Admins edit the 智能导办 topics: questions, options and the outcomes they lead to. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/guidance')
export class AdminGuidanceController {
  constructor(private readonly admin: AdminGuidanceService) {}

  @Get()
  list(): Promise<AdminGuidanceTopic[]> {
    return this.admin.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<AdminGuidanceTopic> {
    return this.admin.get(id);
  }

  @Post()
  create(@Body() body: GuidanceTopicDto, @CurrentUser() user: AuthUser): Promise<AdminGuidanceTopic> {
    return this.admin.create(body, user.id);
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() body: GuidanceTopicDto, @CurrentUser() user: AuthUser): Promise<AdminGuidanceTopic> {
    return this.admin.update(id, body, user.id);
  }

  /** 停用 (the topic leaves GET /guidance; PUT with active: true restores it). */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.admin.remove(id, user.id);
  }
}
