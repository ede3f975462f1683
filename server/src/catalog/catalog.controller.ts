import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Department, type Hall } from '@gov/shared';
import { Public } from '../common/auth/auth.decorators';
import { contentDisposition } from '../files/files.rules';
import { replayableHeaders } from '../common/http/fast-lane.rules';
import { AnswerKind, CachedAnswer, CatalogAnswersService } from './catalog-answers.service';
import { etagMatches } from './catalog.rules';
import { CatalogService, CategoryCount } from './catalog.service';
import {
  CategoryDto,
  CategoryQueryDto,
  DepartmentDto,
  HallDto,
  ServiceGuideDto,
  ServiceListQueryDto,
  ServicePageDto,
} from './dto/catalog-query.dto';

/**
 * A cached catalogue answer with its ETag: 304 without a body when the client's `If-None-Match`
 * names it, else the JSON. `no-cache`: clients may keep it but ask again (a conditional GET) each time.
 */
function sendAnswer<T>(req: Request, res: Response, a: CachedAnswer<T>): boolean {
  res.setHeader('ETag', a.etag);
  res.setHeader('Cache-Control', 'public, no-cache');
  if (etagMatches(req.headers['if-none-match'], a.etag)) {
    res.status(304).end();
    return false;
  }
  res.status(200).type('application/json; charset=utf-8').send(a.body);
  return true;
}

@ApiTags('catalogue')
@Public()
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly answers: CatalogAnswersService,
  ) {}

  @Get('departments')
  @ApiOkResponse({ type: DepartmentDto, isArray: true })
  departments(): Promise<Department[]> {
    return this.catalog.listDepartments();
  }

  @Get('halls')
  @ApiOkResponse({ type: HallDto, isArray: true })
  halls(): Promise<Hall[]> {
    return this.catalog.listHalls();
  }

  /** Search (from the in-process answer cache; `ETag`, 304 on `If-None-Match`). */
  @Get('services')
  @ApiOkResponse({ type: ServicePageDto })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiResponse({ status: 304, description: '未变化（ETag 相同）' })
  async services(@Query() q: ServiceListQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const a = await this.answers.search({
      q: q.q,
      category: q.category,
      audience: q.audience,
      departmentId: q.departmentId,
      page: q.page === undefined ? undefined : Number(q.page),
      // over 50 is clamped to 50 (not an error); 0, negatives and non-numbers are refused by the DTO
      pageSize: q.pageSize === undefined ? undefined : Number(q.pageSize),
    });
    this.sendAndKeep('search', req, res, a);
  }

  /** Declared before `services/:id` so that "categories" is never taken for an id. */
  @Get('services/categories')
  @ApiOkResponse({ type: CategoryDto, isArray: true })
  categories(@Query() q: CategoryQueryDto): Promise<CategoryCount[]> {
    return this.catalog.categories(q.audience);
  }

  /** The guide (from the in-process answer cache; `ETag`, 304 on `If-None-Match` while it is unchanged). */
  @Get('services/:id')
  @ApiOkResponse({ type: ServiceGuideDto })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiResponse({ status: 304, description: '未变化（ETag 相同）' })
  async guide(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.sendAndKeep('guide', req, res, await this.answers.guide(id));
  }

  /**
   * Send the answer; a 200 to a request without an Origin (CORS headers vary by it) is also kept under
   * the request's URL, with the headers just sent, for the fast lane (catalog-answers.lane.ts).
   */
  private sendAndKeep(kind: AnswerKind, req: Request, res: Response, a: CachedAnswer<unknown>): void {
    if (sendAnswer(req, res, a) && req.headers.origin === undefined) this.answers.rememberUrl(req.originalUrl, kind, a, replayableHeaders(res.getHeaders()));
  }

  @Get('services/:id/materials/:materialId/template')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: '空白表格（PDF，附件下载）' })
  async template(@Param('id') id: string, @Param('materialId') materialId: string, @Res() res: Response): Promise<void> {
    const t = await this.catalog.template(id, materialId);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(t.body.length));
    res.setHeader('Content-Disposition', contentDisposition(t.fileName, false));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(t.body);
  }
}
