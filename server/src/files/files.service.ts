import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { DomainError } from '../common/errors/domain-error';
import { BLOB_STORE, BlobStore } from './blob-store';
import { StagedFile, UploadReceiver } from './upload.receiver';

/** Uploads in, bytes out: the receiver streams and checks, the blob store keeps them by hash. */
@Injectable()
export class FilesService {
  constructor(
    private readonly receiver: UploadReceiver,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  get driver(): 'local' | 's3' {
    return this.store.driver;
  }

  /** Receive the request's multipart `file` and keep its bytes; the caller records the file row. */
  async receive(req: Request): Promise<Omit<StagedFile, 'path'>> {
    const staged = await this.receiver.receive(req);
    try {
      await this.store.put(staged.path, staged);
    } catch (e) {
      await this.receiver.discard(staged);
      throw e;
    }
    const { path: _path, ...kept } = staged;
    return kept;
  }

  async open(sha256: string): Promise<Readable> {
    const s = await this.store.get(sha256);
    if (!s) throw new DomainError('NOT_FOUND');
    return s;
  }
}
