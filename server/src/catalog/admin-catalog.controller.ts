import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { AdminCatalogService, DepartmentAdminView, HallAdminView } from './admin-catalog.service';
import { AdminServiceDto, AdminServiceSummaryDto, DepartmentBodyDto, HallBodyDto, ServiceBodyDto } from './dto/admin-catalog.dto';
import { DepartmentDto, HallDto } from './dto/catalog-query.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/departments')
export class AdminDepartmentsController {
  constructor(private readonly admin: AdminCatalogService) {}

  @Get()
  @ApiOkResponse({ type: DepartmentDto, isArray: true })
  list(): Promise<DepartmentAdminView[]> {
    return this.admin.listDepartments();
  }

  @Post()
  create(@Body() body: DepartmentBodyDto, @CurrentUser() user: AuthUser): Promise<DepartmentAdminView> {
    return this.admin.createDepartment(body, user.id);
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() body: DepartmentBodyDto, @CurrentUser() user: AuthUser): Promise<DepartmentAdminView> {
    return this.admin.updateDepartment(id, body, user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.admin.deleteDepartment(id, user.id);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/halls')
export class AdminHallsController {
  constructor(private readonly admin: AdminCatalogService) {}

  @Get()
  @ApiOkResponse({ type: HallDto, isArray: true })
  list(): Promise<HallAdminView[]> {
    return this.admin.listHalls();
  }

  @Post()
  create(@Body() body: HallBodyDto, @CurrentUser() user: AuthUser): Promise<HallAdminView> {
    return this.admin.createHall(body, user.id);
  }

  @Put(':id')
  update(@Param('id') id: string, @Body() body: HallBodyDto, @CurrentUser() user: AuthUser): Promise<HallAdminView> {
    return this.admin.updateHall(id, body, user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.admin.deleteHall(id, user.id);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/services')
export class AdminServicesController {
  constructor(private readonly admin: AdminCatalogService) {}

  @Get()
  @ApiQuery({ name: 'hallId', required: false, description: '只列出该大厅办理的事项' })
  @ApiOkResponse({ type: AdminServiceSummaryDto, isArray: true })
  list(@Query('hallId') hallId?: string): Promise<AdminServiceSummaryDto[]> {
    return this.admin.listServices(typeof hallId === 'string' ? hallId : undefined);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminServiceDto })
  get(@Param('id') id: string): Promise<AdminServiceDto> {
    return this.admin.getService(id);
  }

  @Post()
  @ApiOkResponse({ type: AdminServiceDto })
  create(@Body() body: ServiceBodyDto, @CurrentUser() user: AuthUser): Promise<AdminServiceDto> {
    return this.admin.createService(body, user.id);
  }

  @Put(':id')
  @ApiOkResponse({ type: AdminServiceDto })
  update(@Param('id') id: string, @Body() body: ServiceBodyDto, @CurrentUser() user: AuthUser): Promise<AdminServiceDto> {
    return this.admin.updateService(id, body, user.id);
  }

  /** Deactivates (下架) rather than deletes: filings and bookings refer to the service. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.admin.deactivateService(id, user.id);
  }
}
