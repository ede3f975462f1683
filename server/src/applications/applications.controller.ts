import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { RatedApplicationListItem, RatedApplicationView } from '@gov/shared';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, Public } from '../common/auth/auth.decorators';
import { sendPdf } from '../files/pdf-response';
import { RatingsService } from '../ratings/ratings.service';
import { ApplicationsService, ApplicationView, LookupView } from './applications.service';
import { ApplicationListQuery, CommitmentDto, DeliveryChoiceDto, CreateApplicationDto, LookupQuery, WithdrawDto } from './dto/applications.dto';
import { LookupThrottleGuard } from './lookup-throttle.guard';
import { NoticesService } from './notices.service';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly filings: ApplicationsService,
    private readonly notices: NoticesService,
    private readonly ratings: RatingsService,
  ) {}

  /** Public progress by filing number and the last four digits of the applicant's phone; no personal data. */
  @Public()
  @UseGuards(LookupThrottleGuard)
  @Get('lookup')
  lookup(@Query() q: LookupQuery): Promise<LookupView> {
    return this.filings.lookup(q.number, q.phoneTail);
  }

  @ApiBearerAuth()
  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateApplicationDto): Promise<ApplicationView> {
    return this.filings.create(caller, body);
  }

  @ApiBearerAuth()
  @Get()
  async list(@CurrentUser() caller: AuthUser, @Query() q: ApplicationListQuery): Promise<RatedApplicationListItem[]> {
    return this.ratings.withRatingState(caller, 'application', await this.filings.list(caller, { ...q, limit: q.limit === undefined ? undefined : Number(q.limit) }));
  }

  @ApiBearerAuth()
  @Get(':id')
  async get(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<RatedApplicationView> {
    const [view] = await this.ratings.withRatingState(caller, 'application', [await this.filings.get(caller, id)]);
    return view;
  }

  /** 受理通知书 (PDF), once accepted. */
  @ApiBearerAuth()
  @Get(':id/receipt.pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async receipt(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.notices.receipt(caller, id));
  }

  /** 不予受理通知书 (PDF), once refused. */
  @ApiBearerAuth()
  @Get(':id/refusal.pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async refusal(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.notices.refusal(caller, id));
  }

  /** 准予/不予行政许可决定书 (PDF), once decided. */
  @ApiBearerAuth()
  @Get(':id/decision.pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async decision(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.notices.decision(caller, id));
  }

  /** 退件回执 (PDF), once returned. */
  @ApiBearerAuth()
  @Get(':id/return.pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async returnNotice(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendPdf(res, await this.notices.returnNotice(caller, id));
  }

  @ApiBearerAuth()
  @Post(':id/materials/:materialId/files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ description: '{ id, name, size, contentType, sha256 }' })
  async upload(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Param('materialId') materialId: string, @Req() req: Request) {
    try {
      return await this.filings.upload(caller, id, materialId, req);
    } catch (e) {
      req.resume(); // refused before reading the body: drain it so that the client reads the answer
      throw e;
    }
  }

  @ApiBearerAuth()
  @Delete(':id/materials/:materialId/files/:fileId')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteFile(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Param('materialId') materialId: string, @Param('fileId') fileId: string): Promise<void> {
    return this.filings.deleteFile(caller, id, materialId, fileId);
  }

  @ApiBearerAuth()
  @Post(':id/commitment')
  commitment(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: CommitmentDto): Promise<ApplicationView> {
    return this.filings.commit(caller, id, body.materialIds);
  }

  /** The applicant's choice of delivery among the service's published methods (address for post). */
  @ApiBearerAuth()
  @Put(':id/delivery')
  delivery(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: DeliveryChoiceDto): Promise<ApplicationView> {
    return this.filings.chooseDelivery(caller, id, body.method, body.address);
  }

  @ApiBearerAuth()
  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentUser() caller: AuthUser, @Param('id') id: string): Promise<ApplicationView> {
    return this.filings.submit(caller, id);
  }

  /** Withdraw before acceptance (a route API.md does not list; its status `withdrawn` is listed). */
  @ApiBearerAuth()
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() caller: AuthUser, @Param('id') id: string, @Body() body: WithdrawDto): Promise<ApplicationView> {
    return this.filings.withdraw(caller, id, body.reason);
  }
}
