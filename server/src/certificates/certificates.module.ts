import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CertificateSigner } from './certificate-signer';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CertificateEntity } from './entities/certificate.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CertificateEntity]), CatalogModule],
  controllers: [CertificatesController],
  providers: [CertificateSigner, CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
