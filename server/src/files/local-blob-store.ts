import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStore } from './blob-store';
import { blobKey } from './files.rules';

/** Blobs in a directory tree `<dir>/ab/cd/<sha256>`; a staged file is moved in with one rename. */
export class LocalBlobStore implements BlobStore {

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return path.join(this.dir, ...blobKey(sha256).split('/'));
  }

  async put(stagedPath: string, blob: { sha256: string }): Promise<void> {
    const target = this.pathOf(blob.sha256);
    if (await this.has(blob.sha256)) {
      await fs.promises.rm(stagedPath, { force: true });
      return;
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // rename is atomic: a reader sees the whole file or none (two writers of one hash write the same bytes)
    await fs.promises.rename(stagedPath, target);
  }

  async get(sha256: string): Promise<Readable | null> {
    const p = this.pathOf(sha256);
    try {
      const handle = await fs.promises.open(p, 'r');
      return handle.createReadStream();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
