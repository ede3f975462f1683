import { Module } from '@nestjs/common';
import * as path from 'node:path';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { BLOB_STORE, BlobStore } from './blob-store';
import { FileEntity } from './entities/file.entity';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { LocalBlobStore } from './local-blob-store';
import { S3BlobStore } from './s3-blob-store';
import { UploadReceiver } from './upload.receiver';

/** Uploads: the streamed receiver, the blob store (local disk, or S3-compatible when S3_ENDPOINT is set), and GET /files/:id. */
@Module({
  imports: [TypeOrmModule.forFeature([FileEntity])],
  controllers: [FilesController],
  providers: [
    UploadReceiver,
    FilesService,
    {
      provide: BLOB_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig): BlobStore =>
        config.s3 ? new S3BlobStore(config.s3) : new LocalBlobStore(path.join(config.upload.dir, 'blobs')),
    },
  ],
  exports: [FilesService],
})
export class FilesModule {}
