/**
 * Pure rules of material uploads, shared by the server (which enforces them on the bytes) and the
 * mini-app (which checks a chosen file before sending it and shrinks large photos first).
 * The server publishes the limits it enforces in every filing it answers (`uploadLimits`), so
 * the mini-app checks against the live values, not a copy.
 */

export type UploadContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** What the server accepts, judged there by the file's first bytes. */
export const UPLOAD_CONTENT_TYPES: readonly UploadContentType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** The server's default `UPLOAD_MAX_SIZE` (20 MB). */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The server's default `UPLOAD_MAX_FILES_PER_MATERIAL`. */
export const DEFAULT_UPLOAD_MAX_FILES = 10;

/** The limits a filing carries (`uploadLimits`). */
export interface UploadLimits {
  maxBytes: number;
  maxFilesPerMaterial: number;
  contentTypes: readonly UploadContentType[];
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: DEFAULT_UPLOAD_MAX_BYTES,
  maxFilesPerMaterial: DEFAULT_UPLOAD_MAX_FILES,
  contentTypes: UPLOAD_CONTENT_TYPES,
};

/** `20 MB`, `1.5 MB`, `300 KB`: sizes as people read them. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = Math.round((bytes / 1024 / 1024) * 10) / 10;
    return `${Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const TYPE_LABEL: Record<UploadContentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** `PDF、JPG、PNG` for the types given. */
export function typesLabel(types: readonly UploadContentType[]): string {
  return types.map((t) => TYPE_LABEL[t]).join('、');
}

const BY_EXTENSION: Record<string, UploadContentType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/**
 * The type of a chosen file as the client can tell it: the browser's MIME type when it names one
 * of ours, else the name's extension; null for anything else. (The server judges the bytes.)
 */
export function uploadTypeOf(name: string, mimeType?: string | null): UploadContentType | null {
  const mime = String(mimeType ?? '').toLowerCase();
  if (mime === 'image/jpg') return 'image/jpeg';
  if ((UPLOAD_CONTENT_TYPES as readonly string[]).includes(mime)) return mime as UploadContentType;
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] ?? null : null;
}

export interface UploadProblem {
  kind: 'type' | 'size' | 'empty' | 'count';
  message: string;
}

/**
 * Why a chosen file cannot be sent, or null when it may: a type the server refuses, an empty
 * file, a file over the size limit, or one file more than the material takes. The message names
 * the file and the limit.
 */
export function uploadProblem(
  file: { name: string; size: number; type?: string | null },
  limits: UploadLimits,
  filesAlready = 0,
): UploadProblem | null {
  const type = uploadTypeOf(file.name, file.type);
  if (!type || !limits.contentTypes.includes(type)) {
    return { kind: 'type', message: `“${file.name}”不是 ${typesLabel(limits.contentTypes)} 文件，请换一个文件` };
  }
  if (file.size <= 0) return { kind: 'empty', message: `“${file.name}”是空文件，请换一个文件` };
  if (file.size > limits.maxBytes) {
    return { kind: 'size', message: `“${file.name}”有 ${sizeLabel(file.size)}，超过单个文件 ${sizeLabel(limits.maxBytes)} 的上限，请压缩或分页后再上传` };
  }
  if (filesAlready >= limits.maxFilesPerMaterial) {
    return { kind: 'count', message: `每项材料最多上传 ${limits.maxFilesPerMaterial} 个文件，请先删除不需要的文件` };
  }
  return null;
}

/** Photos are shrunk before upload when larger than this or wider/taller than PHOTO_MAX_EDGE. */
export const PHOTO_COMPRESS_OVER_BYTES = 1024 * 1024;
export const PHOTO_MAX_EDGE = 2000;
export const PHOTO_QUALITY = 0.8;

export interface PhotoPlan {
  width: number;
  height: number;
  /** JPEG quality 0..1 */
  quality: number;
}

/**
 * How to re-encode a photo before upload, or null to send it as it is: only JPEG and PNG images
 * (never PDFs), only when over PHOTO_COMPRESS_OVER_BYTES or larger than maxEdge on a side; the
 * longer side is scaled down to maxEdge (never up), keeping the aspect ratio.
 */
export function photoPlan(
  photo: { type: UploadContentType | null; size: number; width: number; height: number },
  opts: { maxEdge?: number; overBytes?: number; quality?: number } = {},
): PhotoPlan | null {
  const maxEdge = opts.maxEdge ?? PHOTO_MAX_EDGE;
  const overBytes = opts.overBytes ?? PHOTO_COMPRESS_OVER_BYTES;
  if (photo.type !== 'image/jpeg' && photo.type !== 'image/png') return null;
  if (!(photo.width > 0 && photo.height > 0)) return null;
  const edge = Math.max(photo.width, photo.height);
  if (photo.size <= overBytes && edge <= maxEdge) return null;
  const scale = Math.min(1, maxEdge / edge);
  return {
    width: Math.max(1, Math.round(photo.width * scale)),
    height: Math.max(1, Math.round(photo.height * scale)),
    quality: opts.quality ?? PHOTO_QUALITY,
  };
}

/** The compressed photo is worth sending only when it came out smaller than the original. */
export function keepCompressed(originalBytes: number, compressedBytes: number): boolean {
  return compressedBytes > 0 && compressedBytes < originalBytes;
}

/** `身份证.png` re-encoded to JPEG becomes `身份证.jpg`. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  return `${base || 'photo'}.jpg`;
}
