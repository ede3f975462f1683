import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Printable notices (受理通知书, 不予受理通知书) as PDF. Chinese text is set in Noto Sans (Simplified
 * Chinese, OFL) shipped by the npm package @embedpdf/fonts-sc; pdfkit embeds only the glyphs used.
 */
let fontCache: Buffer | null = null;
function cjkFont(): Buffer {
  if (!fontCache) {
    const pkgMain = require.resolve('@embedpdf/fonts-sc'); // …/dist/index.cjs
    fontCache = fs.readFileSync(path.join(path.dirname(pkgMain), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return fontCache;
}

export interface NoticeDocument {
  title: string;
  /** the document's own number, e.g. the receipt number */
  docNo: string;
  addressee: string;
  paragraphs: string[];
  rows: Array<[string, string]>;
  issuer: string;
  date: string;
}

/** Render a notice; resolves with the whole PDF (a few dozen KB). */
export function renderNotice(n: NoticeDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: n.title, Author: n.issuer, Subject: n.docNo } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont());
    doc.font('cjk');
    doc.fontSize(20).text(n.title, { align: 'center' });
    doc.moveDown(0.3).fontSize(10).fillColor('#555').text(n.docNo, { align: 'center' }).fillColor('#000');
    doc.moveDown(1.2).fontSize(12).text(`${n.addressee}：`);
    doc.moveDown(0.5);
    for (const p of n.paragraphs) doc.text(`　　${p}`, { lineGap: 4 }).moveDown(0.4);
    doc.moveDown(0.6);
    for (const [k, v] of n.rows) doc.fontSize(11).text(`${k}：${v}`, { lineGap: 3 });
    doc.moveDown(2);
    doc.fontSize(12).text(n.issuer, { align: 'right' });
    doc.text(n.date, { align: 'right' });
    doc.end();
  });
}
