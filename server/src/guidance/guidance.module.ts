import { Module } from '@nestjs/common';
import { BundlesModule } from '../bundles/bundles.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { AdminGuidanceController } from './admin-guidance.controller';
import { AdminGuidanceService } from './admin-guidance.service';
import { GuidanceController } from './guidance.controller';
import { GuidanceService } from './guidance.service';

@Module({
  imports: [BundlesModule, CertificatesModule],
  controllers: [GuidanceController, AdminGuidanceController],
  providers: [GuidanceService, AdminGuidanceService],
  exports: [GuidanceService],
})
export class GuidanceModule {}
