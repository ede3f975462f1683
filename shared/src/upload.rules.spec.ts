import {
  DEFAULT_UPLOAD_LIMITS,
  jpegName,
  keepCompressed,
  photoPlan,
  sizeLabel,
  uploadProblem,
  uploadTypeOf,
  type UploadLimits,
} from './upload.rules';

const MB = 1024 * 1024;
const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, maxBytes: 20 * MB, maxFilesPerMaterial: 3 };

describe('upload type as the client can tell it', () => {
  it('takes the MIME type when it is one of ours, else the extension', () => {
    expect(uploadTypeOf('scan.PDF')).toBe('application/pdf');
    expect(uploadTypeOf('photo.jpeg')).toBe('image/jpeg');
    expect(uploadTypeOf('photo.JPG')).toBe('image/jpeg');
    expect(uploadTypeOf('tmp_123', 'image/png')).toBe('image/png');
    expect(uploadTypeOf('x', 'image/jpg')).toBe('image/jpeg');
    expect(uploadTypeOf('x.png', 'application/octet-stream')).toBe('image/png');
  });
  it('refuses everything else', () => {
    expect(uploadTypeOf('申请书.docx')).toBeNull();
    expect(uploadTypeOf('movie.mp4', 'video/mp4')).toBeNull();
    expect(uploadTypeOf('pdf')).toBeNull();
    expect(uploadTypeOf('photo.heic', 'image/heic')).toBeNull();
  });
});

describe('checking a chosen file before it is sent', () => {
  it('lets a file within the limits through', () => {
    expect(uploadProblem({ name: '身份证.pdf', size: 300 * 1024 }, limits)).toBeNull();
    expect(uploadProblem({ name: 'a.png', size: 20 * MB }, limits)).toBeNull();
  });
  it('refuses a file one byte over the limit, naming the file, its size and the limit', () => {
    const p = uploadProblem({ name: '房产证.pdf', size: 20 * MB + 1 }, limits);
    expect(p?.kind).toBe('size');
    expect(p?.message).toContain('“房产证.pdf”');
    expect(p?.message).toContain('20 MB');
    const big = uploadProblem({ name: '合同.pdf', size: 25.4 * MB }, limits);
    expect(big?.message).toContain('25.4 MB');
  });
  it('follows the limit the server publishes, not a fixed one', () => {
    const small = { ...limits, maxBytes: 512 * 1024 };
    const p = uploadProblem({ name: 'a.pdf', size: 600 * 1024 }, small);
    expect(p?.kind).toBe('size');
    expect(p?.message).toContain('512 KB');
  });
  it('refuses other types, naming what is accepted', () => {
    const p = uploadProblem({ name: '申请书.docx', size: 1000 }, limits);
    expect(p).toEqual({ kind: 'type', message: '“申请书.docx”不是 PDF、JPG、PNG 文件，请换一个文件' });
    expect(uploadProblem({ name: 'a.png', size: 10 }, { ...limits, contentTypes: ['application/pdf'] })?.kind).toBe('type');
  });
  it('refuses an empty file and one more than the material takes', () => {
    expect(uploadProblem({ name: 'a.pdf', size: 0 }, limits)?.kind).toBe('empty');
    expect(uploadProblem({ name: 'a.pdf', size: 10 }, limits, 3)?.kind).toBe('count');
    expect(uploadProblem({ name: 'a.pdf', size: 10 }, limits, 2)).toBeNull();
  });
});

describe('sizes in words', () => {
  it('reads as people write them', () => {
    expect(sizeLabel(20 * MB)).toBe('20 MB');
    expect(sizeLabel(1.55 * MB)).toBe('1.6 MB');
    expect(sizeLabel(300 * 1024)).toBe('300 KB');
    expect(sizeLabel(10)).toBe('1 KB');
  });
});

describe('shrinking photos before upload', () => {
  it('never touches a PDF', () => {
    expect(photoPlan({ type: 'application/pdf', size: 15 * MB, width: 5000, height: 5000 })).toBeNull();
    expect(photoPlan({ type: null, size: 15 * MB, width: 5000, height: 5000 })).toBeNull();
  });
  it('leaves a small photo alone', () => {
    expect(photoPlan({ type: 'image/jpeg', size: 800 * 1024, width: 1600, height: 1200 })).toBeNull();
  });
  it('scales the longer side of a large phone photo down to 2000 px, keeping the ratio', () => {
    expect(photoPlan({ type: 'image/jpeg', size: 6 * MB, width: 4032, height: 3024 })).toEqual({ width: 2000, height: 1500, quality: 0.8 });
    expect(photoPlan({ type: 'image/png', size: 9 * MB, width: 3024, height: 4032 })).toEqual({ width: 1500, height: 2000, quality: 0.8 });
  });
  it('re-encodes a heavy photo that is already small enough in pixels, without enlarging it', () => {
    expect(photoPlan({ type: 'image/png', size: 3 * MB, width: 1200, height: 900 })).toEqual({ width: 1200, height: 900, quality: 0.8 });
  });
  it('shrinks a light photo that is too large in pixels', () => {
    expect(photoPlan({ type: 'image/jpeg', size: 500 * 1024, width: 6000, height: 1000 })).toEqual({ width: 2000, height: 333, quality: 0.8 });
  });
  it('takes other limits', () => {
    expect(photoPlan({ type: 'image/jpeg', size: 2 * MB, width: 3000, height: 2000 }, { maxEdge: 1000, quality: 0.7 })).toEqual({ width: 1000, height: 667, quality: 0.7 });
  });
  it('ignores an image whose size it cannot read', () => {
    expect(photoPlan({ type: 'image/jpeg', size: 5 * MB, width: 0, height: 0 })).toBeNull();
  });
  it('keeps the compressed photo only when it is smaller', () => {
    expect(keepCompressed(5 * MB, 900 * 1024)).toBe(true);
    expect(keepCompressed(900 * 1024, 1000 * 1024)).toBe(false);
    expect(keepCompressed(900 * 1024, 0)).toBe(false);
  });
  it('names the re-encoded photo .jpg', () => {
    expect(jpegName('身份证.png')).toBe('身份证.jpg');
    expect(jpegName('IMG_0001.JPEG')).toBe('IMG_0001.jpg');
    expect(jpegName('tmp_abc')).toBe('tmp_abc.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});
