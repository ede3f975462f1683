import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import type { S3Config } from '../config/app-config';
import { BlobStore } from './blob-store';
import { blobKey } from './files.rules';

const isMissing = (e: unknown): boolean => {
  const o = e as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return o?.name === 'NotFound' || o?.name === 'NoSuchKey' || o?.$metadata?.httpStatusCode === 404;
};

/**
 * Blobs in an S3-compatible bucket under `<prefix>ab/cd/<sha256>`. The staged file is streamed up
 * with its length known (one PUT, never held in memory) and then removed.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly cfg: S3Config) {
    this.client = new S3Client({
      endpoint: cfg.endpoint,
      region: cfg.region,
      forcePathStyle: cfg.forcePathStyle,
      credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
      // plain PUTs with Content-Length: no aws-chunked trailers, which not every S3-compatible store speaks
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  private key(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return `${this.cfg.prefix}${blobKey(sha256)}`;
  }

  async put(stagedPath: string, blob: { sha256: string; size: number; contentType: string }): Promise<void> {
    try {
      if (await this.has(blob.sha256)) return;
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.cfg.bucket,
          Key: this.key(blob.sha256),
          Body: fs.createReadStream(stagedPath),
          ContentLength: blob.size,
          ContentType: blob.contentType,
        }),
      );
    } finally {
      await fs.promises.rm(stagedPath, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(sha256) }));
      return r.Body instanceof Readable ? r.Body : null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(sha256) }));
      return true;
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }
}
