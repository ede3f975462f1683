import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AdminDepartmentsController, AdminHallsController, AdminServicesController } from './admin-catalog.controller';
import { AdminCatalogService } from './admin-catalog.service';
import { CatalogAnswersService } from './catalog-answers.service';
import { CatalogEvents } from './catalog-events';
import { CatalogIndexService } from './catalog-index.service';
import { CatalogRowsCache } from './catalog-rows.cache';
import { CatalogVersionService } from './catalog-version.service';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CatalogStateEntity } from './entities/catalog-state.entity';
import { DepartmentEntity } from './entities/department.entity';
import { HallEntity } from './entities/hall.entity';
import { ServiceHallEntity } from './entities/service-hall.entity';
import { ServiceMaterialEntity } from './entities/service-material.entity';
import { ServiceEntity } from './entities/service.entity';

/** The service catalogue: departments, halls, service guides and their search. CatalogService (also the read-only look-ups other features use instead of the tables) is exported. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DepartmentEntity, HallEntity, ServiceEntity, ServiceMaterialEntity, ServiceHallEntity, CatalogStateEntity]),
    UsersModule,
  ],
  controllers: [CatalogController, AdminDepartmentsController, AdminHallsController, AdminServicesController],
  providers: [CatalogService, CatalogIndexService, CatalogVersionService, CatalogAnswersService, AdminCatalogService, CatalogEvents, CatalogRowsCache],
  exports: [CatalogService, CatalogIndexService, CatalogAnswersService, CatalogEvents, CatalogRowsCache],
})
export class CatalogModule {}
