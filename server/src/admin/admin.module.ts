import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HallEntity } from '../catalog/entities/hall.entity';
import { UserEntity } from '../users/entities/user.entity';
import { UsersModule } from '../users/users.module';
import { AdminStaffController } from './admin-staff.controller';
import { AdminStaffService } from './admin-staff.service';

@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([UserEntity, HallEntity])],
  controllers: [AdminStaffController],
  providers: [AdminStaffService],
})
export class AdminModule {}
