import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { isId } from '../common/ids';
import { BLOB_STORE, BlobStore } from './blob-store';
import { FileEntity } from './entities/file.entity';
import { StagedFile, UploadReceiver } from './upload.receiver';

/**
 * Whether the caller may read the files of a filing (`applicationId`): resolves, or throws
 * NOT_FOUND. The module that owns filings supplies it (`guardReadsWith`), so that files need not
 * know what a filing is.
 */
export type FileReadCheck = (caller: AuthUser, applicationId: string) => Promise<void>;

/** Uploads in, bytes out: the receiver streams and checks, the blob store keeps them by hash. */
@Injectable()
export class FilesService {
  private readCheck: FileReadCheck | null = null;

  constructor(
    private readonly receiver: UploadReceiver,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
  ) {}

  /** Set once at start-up by the owner of the files (ApplicationsService); until then every read is NOT_FOUND. */
  guardReadsWith(check: FileReadCheck): void {
    this.readCheck = check;
  }

  /**
   * GET /files/:id: the file's row and a stream of its bytes, for whoever may see its filing.
   * Throws NOT_FOUND (malformed id, no such file, not the caller's to see, bytes missing).
   */
  async download(caller: AuthUser, id: string): Promise<{ file: FileEntity; body: Readable }> {
    if (!isId(id)) throw new DomainError('NOT_FOUND');
    const file = await this.files.findOne({ where: { id } });
    if (!file || !this.readCheck) throw new DomainError('NOT_FOUND');
    await this.readCheck(caller, file.applicationId);
    return { file, body: await this.open(file.sha256) };
  }

  /**
   * Receive the request's multipart `file` and keep its bytes; the caller records the file row.
   * Returns name, size, content type and sha256. Throws what UploadReceiver raises (FILE_TOO_LARGE,
   * UNSUPPORTED_FILE_TYPE, VALIDATION_FAILED) and the blob store's faults.
   */
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

  /** The stored bytes by their sha256. Throws NOT_FOUND when the blob store has none. */
  async open(sha256: string): Promise<Readable> {
    const s = await this.store.get(sha256);
    if (!s) throw new DomainError('NOT_FOUND');
    return s;
  }
}
