import { Injectable } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { AllowedContentType, safeFileName, sniffContentType, SNIFF_BYTES } from './files.rules';

/** A complete upload on local disk, checked, hashed and ready for the blob store. */
export interface StagedFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
  contentType: AllowedContentType;
}

/** Room for the multipart envelope around the file when judging Content-Length. */
const ENVELOPE_BYTES = 64 * 1024;

/** Hashes and counts the bytes going through, and refuses the stream as soon as its first bytes show a wrong type. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private head = Buffer.alloc(0);
  type: AllowedContentType | null = null;
  private judged = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (!this.judged) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
      if (this.head.length >= SNIFF_BYTES) {
        if (!this.judge()) return done(new DomainError('UNSUPPORTED_FILE_TYPE'));
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (!this.judged && !this.judge()) return done(new DomainError('UNSUPPORTED_FILE_TYPE'));
    done();
  }

  private judge(): boolean {
    this.judged = true;
    this.type = sniffContentType(this.head);
    return this.type !== null;
  }
}

/**
 * Receives one multipart `file` field, streamed to a temporary file (never held whole in memory):
 * content type by its bytes (415), size limit UPLOAD_MAX_SIZE (413), the name stripped of paths,
 * sha256 computed on the way. On any refusal the rest of the request is drained and the file removed.
 */
@Injectable()
export class UploadReceiver {
  private readonly stagingDir: string;

  constructor(private readonly config: AppConfig) {
    this.stagingDir = path.join(config.upload.dir, 'tmp');
    fs.mkdirSync(this.stagingDir, { recursive: true });
  }

  /**
   * Stage the request's multipart `file`: resolves to the checked, hashed file on local disk.
   * Rejects with VALIDATION_FAILED (`file` missing, a malformed or aborted upload),
   * UNSUPPORTED_FILE_TYPE (not PDF, JPEG or PNG by its bytes) or FILE_TOO_LARGE.
   */
  receive(req: Request): Promise<StagedFile> {
    const max = this.config.upload.maxBytes;
    const type = String(req.headers['content-type'] ?? '');
    if (!/^multipart\/form-data/i.test(type)) {
      return this.refuse(req, fieldError('file', '缺少文件', '请以 multipart/form-data 上传文件'));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max + ENVELOPE_BYTES) return this.refuse(req, this.tooLarge());

    return new Promise<StagedFile>((resolve, reject) => {
      let settled = false;
      let staged: string | null = null;
      let filePart: Promise<StagedFile> | null = null;
      let bb: busboy.Busboy;

      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        req.unpipe(bb);
        req.resume(); // drain what the client still sends, so that it reads our answer
        if (staged) void fs.promises.rm(staged, { force: true });
        reject(e);
      };

      try {
        // busboy reports `limit` on reaching fileSize: one byte over the limit is what we refuse
        bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: max + 1, fields: 10, fieldSize: 1024, parts: 20 }, defParamCharset: 'utf8' });
      } catch {
        void this.refuse(req, new DomainError('VALIDATION_FAILED', '上传内容格式不正确')).catch(reject);
        return;
      }

      bb.on('file', (field, stream, info) => {
        if (field !== 'file' || filePart) {
          stream.resume();
          return;
        }
        const tmp = path.join(this.stagingDir, randomUUID());
        staged = tmp;
        const inspector = new Inspector();
        let truncated = false;
        stream.on('limit', () => {
          truncated = true;
          fail(this.tooLarge());
        });
        filePart = pipeline(stream, inspector, fs.createWriteStream(tmp, { flags: 'wx' })).then(() => {
          if (truncated) throw this.tooLarge();
          return { path: tmp, name: safeFileName(info.filename, inspector.type!), size: inspector.size, sha256: inspector.hash.digest('hex'), contentType: inspector.type! };
        });
        filePart.catch(fail);
      });
      bb.on('error', () => fail(new DomainError('VALIDATION_FAILED', '上传内容格式不正确')));
      bb.on('close', () => {
        if (settled) return;
        if (!filePart) return fail(fieldError('file', '请选择要上传的文件', '缺少文件'));
        filePart.then(
          (f) => {
            if (settled) return;
            settled = true;
            resolve(f);
          },
          fail,
        );
      });
      req.on('aborted', () => fail(new DomainError('VALIDATION_FAILED', '上传已中断')));
      req.pipe(bb);
    });
  }

  /** Remove a staged file that will not be kept. */
  async discard(f: StagedFile): Promise<void> {
    await fs.promises.rm(f.path, { force: true });
  }

  private tooLarge(): DomainError {
    const mb = Math.round((this.config.upload.maxBytes / 1024 / 1024) * 10) / 10;
    return new DomainError('FILE_TOO_LARGE', `文件不能超过 ${mb >= 1 ? `${mb} MB` : `${Math.round(this.config.upload.maxBytes / 1024)} KB`}`, {
      maxBytes: this.config.upload.maxBytes,
    });
  }

  private refuse(req: Request, e: DomainError): Promise<never> {
    req.resume();
    return Promise.reject(e);
  }
}
