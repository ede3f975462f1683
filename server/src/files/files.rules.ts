/**
 * Pure rules of uploads: what a file is, judged by its first bytes (never by its name or the
 * client's content type), and what its name may be once stripped of any path.
 */

import type { UploadContentType } from '@gov/shared';

/** The types the server keeps (@gov/shared UPLOAD_CONTENT_TYPES), judged by their bytes. */
export type AllowedContentType = UploadContentType;

/** Bytes needed to judge a file. */
export const SNIFF_BYTES = 8;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (head: Uint8Array, sig: number[]) => head.length >= sig.length && sig.every((b, i) => head[i] === b);

/** PDF, JPEG or PNG by signature; null for anything else (an executable renamed .jpg included). */
export function sniffContentType(head: Uint8Array): AllowedContentType | null {
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  return null;
}

const EXT: Record<AllowedContentType, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/**
 * The name to keep: the last segment of any `/` or `\` path, without control characters, quotes or
 * leading dots, at most 120 characters; an empty result becomes `file` with the type's extension.
 */
export function safeFileName(raw: string | null | undefined, type: AllowedContentType): string {
  const last = String(raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (name.length > 120) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 120 - ext.length) + ext;
  }
  return name || `file${EXT[type]}`;
}

/** Content-addressed key: `ab/cd/<sha256>`. */
export const blobKey = (sha256: string): string => `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** `Content-Disposition` with an RFC 5987 UTF-8 name and an ASCII fallback. */
export function contentDisposition(name: string, inline = true): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * ! unescaped, which the grammar does not allow
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
