import { blobKey, contentDisposition, safeFileName, sniffContentType } from './files.rules';

describe('sniffContentType', () => {
  it('knows PDF, JPEG and PNG by their bytes', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });
  it('refuses everything else, short files and look-alikes', () => {
    expect(sniffContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull(); // a Windows executable
    expect(sniffContentType(Buffer.from('\x7fELF\x02\x01\x01\x00'))).toBeNull();
    expect(sniffContentType(Buffer.from('<html><body>'))).toBeNull();
    expect(sniffContentType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('safeFileName', () => {
  it('strips paths of either kind', () => {
    expect(safeFileName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\张三\\身份证.jpg', 'image/jpeg')).toBe('身份证.jpg');
    expect(safeFileName('/abs/path/营业执照.png', 'image/png')).toBe('营业执照.png');
  });
  it('drops control characters and leading dots, and names nameless files', () => {
    expect(safeFileName('..\u0000.hidden\r\n.pdf', 'application/pdf')).toBe('hidden.pdf');
    expect(safeFileName('', 'image/png')).toBe('file.png');
    expect(safeFileName('dir/', 'application/pdf')).toBe('file.pdf');
    expect(safeFileName(`${'长'.repeat(200)}.pdf`, 'application/pdf')).toHaveLength(120);
    expect(safeFileName(`${'长'.repeat(200)}.pdf`, 'application/pdf').endsWith('.pdf')).toBe(true);
  });
});

describe('blobKey and contentDisposition', () => {
  it('shards by the hash and encodes names', () => {
    expect(blobKey('abcdef0123')).toBe('ab/cd/abcdef0123');
    expect(contentDisposition('申请书 "1".pdf')).toBe(`inline; filename="___ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('申请书 "1".pdf')}`);
  });
  it('offers an attachment with an RFC 5987 name that decodes back', () => {
    const d = contentDisposition("授权委托书(2024)'s*.pdf", false);
    expect(d.startsWith('attachment; filename="')).toBe(true);
    const star = /filename\*=UTF-8''([A-Za-z0-9%!#$&+\-.^_`|~]+)$/.exec(d);
    expect(star).not.toBeNull();
    expect(decodeURIComponent(star![1])).toBe("授权委托书(2024)'s*.pdf");
  });
});
