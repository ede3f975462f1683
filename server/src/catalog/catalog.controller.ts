import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Department, type GuideView, type Hall, type Page, type ServiceSummary } from '@gov/shared';
import { Public } from '../common/auth/auth.decorators';
import { contentDisposition } from '../files/files.rules';
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

@ApiTags('catalogue')
@Public()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

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

  @Get('services')
  @ApiOkResponse({ type: ServicePageDto })
  services(@Query() q: ServiceListQueryDto): Promise<Page<ServiceSummary>> {
    return this.catalog.search({
      q: q.q,
      category: q.category,
      audience: q.audience,
      departmentId: q.departmentId,
      page: q.page === undefined ? undefined : Number(q.page),
      // over 50 is clamped to 50 (not an error); 0, negatives and non-numbers are refused by the DTO
      pageSize: q.pageSize === undefined ? undefined : Number(q.pageSize),
    });
  }

  /** Declared before `services/:id` so that "categories" is never taken for an id. */
  @Get('services/categories')
  @ApiOkResponse({ type: CategoryDto, isArray: true })
  categories(@Query() q: CategoryQueryDto): Promise<CategoryCount[]> {
    return this.catalog.categories(q.audience);
  }

  @Get('services/:id')
  @ApiOkResponse({ type: ServiceGuideDto })
  guide(@Param('id') id: string): Promise<GuideView> {
    return this.catalog.guide(id);
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
