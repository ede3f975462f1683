import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live, content-addressed by sha256: a local directory, or an S3-compatible
 * bucket when S3_ENDPOINT is set (so that every API instance sees every file).
 */
export interface BlobStore {
  /**
   * Keep the staged file (a complete temporary file on local disk) under its hash. Storing the same
   * bytes twice keeps one copy. The staged file is consumed either way.
   */
  put(stagedPath: string, blob: { sha256: string; size: number; contentType: string }): Promise<void>;
  /** The bytes, streamed; null when the store has no such blob. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');
