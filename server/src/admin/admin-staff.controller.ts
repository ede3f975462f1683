import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { AdminStaffService, StaffView } from './admin-staff.service';
import { CreateStaffDto } from './dto/admin-staff.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/staff')
export class AdminStaffController {
  constructor(private readonly staff: AdminStaffService) {}

  @Get()
  list(): Promise<StaffView[]> {
    return this.staff.list();
  }

  @Post()
  create(@Body() body: CreateStaffDto): Promise<StaffView> {
    return this.staff.create(body);
  }
}
