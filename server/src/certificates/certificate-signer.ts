import { Injectable } from '@nestjs/common';
import { sm2 } from 'sm-crypto-v2';
import { AppConfig } from '../config/app-config';

/** 国密 SM2 signature with the SM3 digest (GB/T 32918.2, GM/T 0009 default signer id), by sm-crypto-v2. */
export const SIGNATURE_ALGORITHM = 'SM2-with-SM3';

/**
 * Signs certificate content with the centre's key (CERT_SIGNING_KEY) and checks signatures.
 * Signatures are hex r‖s (128 characters); the digest covers the signer's Z value (public key
 * and default id 1234567812345678) and the UTF-8 content, as GB/T 32918 prescribes.
 */
@Injectable()
export class CertificateSigner {
  constructor(private readonly config: AppConfig) {}

  /** The id of the key in use (first 16 hex of SM3 of its public key). */
  get keyId(): string {
    return this.config.certSigning.keyId;
  }

  /** The centre's public key, uncompressed hex (04‖x‖y), for anyone who wants to check a signature. */
  get publicKeyHex(): string {
    return this.config.certSigning.publicKeyHex;
  }

  /** Sign `content` (UTF-8). Raises nothing for a configured key. */
  sign(content: string): string {
    return sm2.doSignature(content, this.config.certSigning.privateKeyHex, { hash: true, der: false, publicKey: this.config.certSigning.publicKeyHex });
  }

  /**
   * Whether `signature` is the centre's signature of `content` with the key `keyId`. A signature by
   * another key (an earlier key, after rotation) or a malformed one is false; never throws.
   */
  verify(content: string, signature: string, keyId: string): boolean {
    if (keyId !== this.keyId || !/^[0-9a-f]{128}$/.test(signature)) return false;
    try {
      return sm2.doVerifySignature(content, signature, this.config.certSigning.publicKeyHex, { hash: true, der: false });
    } catch {
      return false;
    }
  }
}
