import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

/**
 * AES-256-GCM for personal numbers at rest ("v1:" + base64(iv|tag|ciphertext)), and keyed
 * hashes (HMAC-SHA256) so that they can be looked up without being stored in clear.
 */
@Injectable()
export class CryptoService {
  constructor(private readonly config: AppConfig) {}

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.dataKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.config.dataKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for look-ups and unique keys (phone, ID number). */
  lookupHash(kind: string, value: string): string {
    return createHmac('sha256', this.config.lookupKey).update(`${kind}:${value}`).digest('hex');
  }

  /** Plain SHA-256 (hex), for secrets we only compare: refresh tokens, SMS codes. */
  sha256(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }

  randomToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
  }

  equalHex(a: string, b: string): boolean {
    const x = Buffer.from(a, 'hex');
    const y = Buffer.from(b, 'hex');
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
