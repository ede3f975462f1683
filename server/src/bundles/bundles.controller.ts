import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BundleDetail, BundleSummary } from '@gov/shared';
import { Public, Roles } from '../common/auth/auth.decorators';
import { BundlesService } from './bundles.service';
import { CreateBundleDto } from './dto/bundles.dto';

/** 一件事 bundles: public, no sign-in needed. */
@ApiTags('catalogue')
@Public()
@Controller('bundles')
export class BundlesController {
  constructor(private readonly bundles: BundlesService) {}

  @Get()
  list(): Promise<BundleSummary[]> {
    return this.bundles.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<BundleDetail> {
    return this.bundles.get(id);
  }
}

/** The admin defines bundles of services of several departments. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/bundles')
export class AdminBundlesController {
  constructor(private readonly bundles: BundlesService) {}

  @Post()
  create(@Body() body: CreateBundleDto): Promise<BundleDetail> {
    return this.bundles.create(body);
  }
}
