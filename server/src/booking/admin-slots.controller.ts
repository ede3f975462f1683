import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AdminSlot, Slot } from '@gov/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import {
  AdminSlotDto,
  AdminSlotQuery,
  CloseSlotDto,
  ClosedSlotDto,
  CreateSlotDto,
  CreateSlotTemplateDto,
  GenerateResultDto,
  GenerateSlotsDto,
  SlotTemplateDto,
} from './dto/booking.dto';
import { SlotClosingService } from './slot-closing.service';
import { SlotsService } from './slots.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminSlotsController {
  constructor(
    private readonly slots: SlotsService,
    private readonly closing: SlotClosingService,
  ) {}

  @Get('slot-templates')
  @ApiQuery({ name: 'hallId', required: false })
  @ApiOkResponse({ type: SlotTemplateDto, isArray: true })
  templates(@Query('hallId') hallId?: string) {
    return this.slots.listTemplates(hallId);
  }

  @Post('slot-templates')
  @ApiOkResponse({ type: SlotTemplateDto })
  createTemplate(@Body() body: CreateSlotTemplateDto) {
    return this.slots.createTemplate(body);
  }

  @Delete('slot-templates/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeTemplate(@Param('id') id: string): Promise<void> {
    await this.slots.removeTemplate(id);
  }

  @Get('slots')
  @ApiOperation({ summary: '大厅某段日期（至多 31 天）的全部时段，含已关闭的：容量、已约、候补保留、余号' })
  @ApiOkResponse({ type: AdminSlotDto, isArray: true })
  list(@Query() q: AdminSlotQuery): Promise<AdminSlot[]> {
    return this.slots.listForAdmin(q.hallId, q.from, q.to);
  }

  @Post('slots/generate')
  @HttpCode(200)
  @ApiOkResponse({ type: GenerateResultDto })
  generate(@Body() body: GenerateSlotsDto): Promise<{ created: number; existing: number }> {
    return this.slots.generate(body.hallId, body.from, body.to);
  }

  @Post('slots')
  create(@Body() body: CreateSlotDto): Promise<Slot> {
    return this.slots.createSingle({ ...body, start: new Date(body.start), end: new Date(body.end) });
  }

  @Post('slots/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: '关闭时段：不再开放预约，已预约的改为 cancelled_by_centre（不计爽约）并通知申请人，候补结束' })
  @ApiOkResponse({ type: ClosedSlotDto })
  close(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: CloseSlotDto): Promise<AdminSlot & { cancelled: number }> {
    return this.closing.close(caller, id, body.reason);
  }
}
