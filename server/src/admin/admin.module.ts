import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../users/users.module';
import { AdminStaffController } from './admin-staff.controller';
import { AdminStaffService } from './admin-staff.service';

@Module({
  imports: [UsersModule, CatalogModule],
  controllers: [AdminStaffController],
  providers: [AdminStaffService],
})
export class AdminModule {}
