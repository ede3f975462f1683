import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles, CurrentUser, AuthUser } from '../common/auth/auth.decorators';
import { fieldError } from '../common/errors/domain-error';
import { addDays, CalendarDayInfo, daysBetween } from './calendar.rules';
import { CalendarService } from './calendar.service';
import { CalendarDateParamDto, CalendarDayDto, CalendarQueryDto, SetCalendarDayDto } from './dto/calendar.dto';

/** The longest range one GET /calendar answers. */
export const MAX_CALENDAR_RANGE_DAYS = 366;
const DEFAULT_RANGE_DAYS = 30;

@ApiTags('calendar')
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOkResponse({ type: CalendarDayDto, isArray: true })
  list(@Query() q: CalendarQueryDto): Promise<CalendarDayInfo[]> {
    const from = q.from ?? this.calendar.today();
    const to = q.to ?? addDays(from, DEFAULT_RANGE_DAYS);
    const span = daysBetween(from, to);
    if (span < 0) {
      throw fieldError('to', '结束日期不能早于起始日期');
    }
    if (span + 1 > MAX_CALENDAR_RANGE_DAYS) {
      throw fieldError('to', `一次最多查询 ${MAX_CALENDAR_RANGE_DAYS} 天`);
    }
    return this.calendar.range(from, to);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/calendar')
export class AdminCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOkResponse({ type: CalendarDayDto, isArray: true, description: '全部人工设置' })
  overrides(): Promise<CalendarDayInfo[]> {
    return this.calendar.listOverrides();
  }

  @Put(':date')
  @ApiOkResponse({ type: CalendarDayDto })
  set(@Param() p: CalendarDateParamDto, @Body() body: SetCalendarDayDto, @CurrentUser() user: AuthUser): Promise<CalendarDayInfo> {
    const name = body.name?.trim() ? body.name.trim() : null;
    return this.calendar.setOverride(p.date, body.workday, name, user.id);
  }

  @Delete(':date')
  @ApiOkResponse({ type: CalendarDayDto, description: '恢复为官方日历' })
  clear(@Param() p: CalendarDateParamDto, @CurrentUser() user: AuthUser): Promise<CalendarDayInfo> {
    return this.calendar.clearOverride(p.date, user.id);
  }
}
