import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnterpriseEntity } from '../enterprises/entities/enterprise.entity';
import { ApplicantsService } from './applicants.service';
import { UserEntity } from './entities/user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, EnterpriseEntity])],
  providers: [UsersService, ApplicantsService],
  exports: [UsersService, ApplicantsService],
})
export class UsersModule {}
