import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { CatalogService } from '../catalog/catalog.service';
import { fieldError } from '../common/errors/domain-error';
import { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { staffRolesFor } from '../users/users.rules';
import { CreateStaffDto } from './dto/admin-staff.dto';
import type { StaffView } from '@gov/shared';
export type { StaffView } from '@gov/shared';

const view = (u: UserEntity): StaffView => ({
  id: u.id,
  username: u.username ?? '',
  name: u.displayName ?? '',
  role: u.role === 'admin' ? 'admin' : 'staff',
  roles: u.staffRoles,
  hallId: u.hallId,
  departmentId: u.departmentId,
});

@Injectable()
export class AdminStaffService {
  constructor(
    private readonly users: UsersService,
    private readonly catalog: CatalogService,
  ) {}

  async list(): Promise<StaffView[]> {
    return (await this.users.listStaff()).map(view);
  }

  async create(body: CreateStaffDto): Promise<StaffView> {
    if (!(await this.catalog.hall(body.hallId))) {
      throw fieldError('hallId', '大厅不存在', '所选大厅不存在');
    }
    if (body.departmentId && !(await this.catalog.listDepartments()).some((d) => d.id === body.departmentId)) {
      throw fieldError('departmentId', '部门不存在', '所选部门不存在');
    }
    const roles = staffRolesFor(body.roles, body.departmentId ?? null);
    if (roles === 'reviewer_needs_department') throw fieldError('roles', '审核岗位须绑定部门', '审核岗位须选择所属部门（受审分离）');
    const u = await this.users.createStaff({
      username: body.username,
      passwordHash: await bcrypt.hash(body.password, 10),
      role: 'staff',
      name: body.name,
      hallId: body.hallId,
      departmentId: body.departmentId ?? null,
      staffRoles: roles,
    });
    return view(u);
  }
}
