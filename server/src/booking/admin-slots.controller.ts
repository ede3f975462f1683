import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Slot } from '@gov/shared';
import { Roles } from '../common/auth/auth.decorators';
import { CreateSlotDto, CreateSlotTemplateDto, GenerateSlotsDto } from './dto/booking.dto';
import { SlotsService } from './slots.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminSlotsController {
  constructor(private readonly slots: SlotsService) {}

  @Get('slot-templates')
  @ApiQuery({ name: 'hallId', required: false })
  templates(@Query('hallId') hallId?: string) {
    return this.slots.listTemplates(hallId);
  }

  @Post('slot-templates')
  createTemplate(@Body() body: CreateSlotTemplateDto) {
    return this.slots.createTemplate(body);
  }

  @Delete('slot-templates/:id')
  @HttpCode(204)
  async removeTemplate(@Param('id') id: string): Promise<void> {
    await this.slots.removeTemplate(id);
  }

  @Post('slots/generate')
  @HttpCode(200)
  generate(@Body() body: GenerateSlotsDto): Promise<{ created: number; existing: number }> {
    return this.slots.generate(body.hallId, body.from, body.to);
  }

  @Post('slots')
  create(@Body() body: CreateSlotDto): Promise<Slot> {
    return this.slots.createSingle({ ...body, start: new Date(body.start), end: new Date(body.end) });
  }
}
