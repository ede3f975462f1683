import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { AdminBundlesController, BundlesController } from './bundles.controller';
import { BundlesService } from './bundles.service';
import { BundleEntity } from './entities/bundle.entity';

/** 一件事 bundles in the catalogue; BundlesService (the plan a bundle filing is made from) is exported. */
@Module({
  imports: [TypeOrmModule.forFeature([BundleEntity]), CatalogModule],
  controllers: [BundlesController, AdminBundlesController],
  providers: [BundlesService],
  exports: [BundlesService],
})
export class BundlesModule {}
