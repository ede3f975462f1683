import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { distinctUntilChanged, filter, map, Observable } from 'rxjs';
import type { HallCodeView, HallQueueFigures, HallQueueView, OvertimeServiceView, StaffTicketView, TicketView, WindowView } from '@gov/shared';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth/auth.decorators';
import { ConfirmGreenDto, CreateWindowDto, HallQuery, OvertimeQuery, StaffIssueTicketDto, StaffTicketsQuery, TakeTicketDto } from './dto/queue.dto';
import { QueueStreamsService } from './queue-streams.service';
import { QueueViewsService } from './queue-views.service';
import { QueueService } from './queue.service';
import { staffHall, WindowsService } from './windows.service';

/** An SSE stream of views, each sent when it differs from the last one sent. */
function changes<T>(views: Observable<T | null>): Observable<MessageEvent> {
  return views.pipe(
    filter((v): v is T => v !== null),
    map((v) => JSON.stringify(v)),
    distinctUntilChanged(),
    map((data) => ({ data })),
  );
}

/** The applicant's side of the queue and the hall's public call screen (API.md, The hall's queue). */
@ApiTags('queue')
@ApiBearerAuth()
@Controller()
export class QueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly streams: QueueStreamsService,
    private readonly views: QueueViewsService,
  ) {}

  /** Take a ticket with today's hall code (and optionally a booking of today, or a green-lane request). */
  @Post('halls/:id/tickets')
  take(@CurrentUser() caller: AuthUser, @Param('id') hallId: string, @Body() body: TakeTicketDto): Promise<TicketView> {
    return this.queue.take(caller, hallId, body);
  }

  /** The hall's call screen: numbers being called, waiting per lane, average service time. No personal data. */
  @Public()
  @Get('halls/:id/queue')
  hallQueue(@Param('id') hallId: string): Promise<HallQueueView> {
    return this.queue.hallQueue(hallId);
  }

  /** `text/event-stream` of the call screen: one `HallQueueView` (JSON in `data`) per change. */
  @Public()
  @Sse('halls/:id/queue/events')
  async hallEvents(@Param('id') hallId: string): Promise<Observable<MessageEvent>> {
    await this.queue.requireHall(hallId);
    return changes(this.streams.hall(hallId).pipe(map((s) => this.views.hallView(s))));
  }

  /** The caller's tickets of today. */
  @Get('me/tickets')
  mine(@CurrentUser() caller: AuthUser): Promise<TicketView[]> {
    return this.queue.mine(caller);
  }

  /** The holder's ticket; 404 for anyone else. */
  @Get('tickets/:id')
  get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<TicketView> {
    return this.queue.get(caller, id);
  }

  /** `text/event-stream` of the holder's ticket: one `TicketView` (JSON in `data`) whenever `ahead`, the estimate or `status` changes; 404 for anyone else. */
  @Sse('tickets/:id/events')
  async ticketEvents(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<Observable<MessageEvent>> {
    const t = await this.queue.own(caller, id);
    return changes(
      this.streams.hall(t.hallId).pipe(
        map((s) => {
          const cur = s.day === t.day ? s.byId.get(t.id) : undefined;
          return cur ? this.views.ticketView(s, cur) : null;
        }),
      ),
    );
  }

  /** The holder gives up a waiting or skipped ticket. */
  @Post('tickets/:id/leave')
  @HttpCode(200)
  leave(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<TicketView> {
    return this.queue.leave(caller, id);
  }
}

/** The window's side: hall code, windows, the queue and its actions, 延时服务登记 (API.md, Staff). */
@ApiTags('staff')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('staff')
export class StaffQueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly windows: WindowsService,
  ) {}

  /** Today's code of the caller's hall and its QR poster. */
  @Get('hall-code')
  hallCode(@CurrentUser() caller: AuthUser, @Query() q: HallQuery): Promise<HallCodeView> {
    return this.windows.hallCode(staffHall(caller, q.hallId));
  }

  @Get('windows')
  listWindows(@CurrentUser() caller: AuthUser, @Query() q: HallQuery): Promise<WindowView[]> {
    return this.windows.list(staffHall(caller, q.hallId));
  }

  @Get('tickets')
  list(@CurrentUser() caller: AuthUser, @Query() q: StaffTicketsQuery): Promise<StaffTicketView[]> {
    return this.queue.staffList(caller, q);
  }

  /** A ticket issued at the desk. */
  @Post('tickets')
  issue(@CurrentUser() caller: AuthUser, @Body() body: StaffIssueTicketDto, @Query() q: HallQuery): Promise<StaffTicketView> {
    return this.queue.issueAtDesk(caller, body, q.hallId);
  }

  @Post('windows/:id/call-next')
  @HttpCode(200)
  callNext(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffTicketView> {
    return this.queue.callNext(caller, id);
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  recall(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffTicketView> {
    return this.queue.recall(caller, id);
  }

  @Post('tickets/:id/skip')
  @HttpCode(200)
  skip(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffTicketView> {
    return this.queue.skip(caller, id);
  }

  @Post('tickets/:id/serve')
  @HttpCode(200)
  serve(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffTicketView> {
    return this.queue.serve(caller, id);
  }

  @Post('tickets/:id/finish')
  @HttpCode(200)
  finish(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffTicketView> {
    return this.queue.finish(caller, id);
  }

  /** A skipped ticket whose holder came back: to the end of its lane, once. */
  @Post('tickets/:id/requeue')
  @HttpCode(200)
  requeue(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<StaffTicketView> {
    return this.queue.requeue(caller, id);
  }

  /** Confirm (or decline with `confirmed: false`) a green-lane request. */
  @Post('tickets/:id/confirm-green')
  @HttpCode(200)
  confirmGreen(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: ConfirmGreenDto): Promise<StaffTicketView> {
    return this.queue.confirmGreen(caller, id, body.confirmed ?? true);
  }

  /** For supervisors: today's queue of the caller's hall in figures (every hall for an admin, longest queue first). */
  @Get('supervision/queues')
  queues(@CurrentUser() caller: AuthUser, @Query() q: HallQuery): Promise<HallQueueFigures[]> {
    return this.queue.hallFigures(caller, q.hallId);
  }

  /** 延时服务登记 of a day (default today), for the supervisor's follow-up calls. */
  @Get('overtime-services')
  overtime(@CurrentUser() caller: AuthUser, @Query() q: OvertimeQuery): Promise<OvertimeServiceView[]> {
    return this.queue.overtimeList(caller, q);
  }
}

/** Admins define a hall's windows. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/halls')
export class AdminWindowsController {
  constructor(private readonly windows: WindowsService) {}

  @Post(':id/windows')
  create(@CurrentUser() caller: AuthUser, @Param('id') hallId: string, @Body() body: CreateWindowDto): Promise<WindowView> {
    return this.windows.create(caller, hallId, body);
  }
}
