import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HallEntity } from './entities/hall.entity';
import { HallPolicyEntity } from './entities/hall-policy.entity';
import { HallPolicyController } from './hall-policy.controller';
import { HallPolicyService } from './hall-policy.service';

/** A hall's own rules (issue 15). Import this module and inject HallPolicyService to read a hall's grace, contact rule or opening hours. */
@Module({
  imports: [TypeOrmModule.forFeature([HallPolicyEntity, HallEntity])],
  controllers: [HallPolicyController],
  providers: [HallPolicyService],
  exports: [HallPolicyService],
})
export class HallPolicyModule {}
