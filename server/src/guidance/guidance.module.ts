import { Module } from '@nestjs/common';
import { BundlesModule } from '../bundles/bundles.module';
import { GuidanceController } from './guidance.controller';
import { GuidanceService } from './guidance.service';

@Module({ imports: [BundlesModule], controllers: [GuidanceController], providers: [GuidanceService], exports: [GuidanceService] })
export class GuidanceModule {}
