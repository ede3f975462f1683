import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * PDFs with Chinese text (notices, blank forms). Text is set in Noto Sans (Simplified Chinese,
 * OFL) shipped by the npm package @embedpdf/fonts-sc; pdfkit embeds only the glyphs used.
 */
let fontCache: Buffer | null = null;
function cjkFont(): Buffer {
  if (!fontCache) {
    const pkgMain = require.resolve('@embedpdf/fonts-sc'); // …/dist/index.cjs
    fontCache = fs.readFileSync(path.join(path.dirname(pkgMain), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return fontCache;
}

/** An A4 document in the Chinese font; `draw` lays it out, and the promise gives the whole file. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont());
    doc.font('cjk');
    try {
      draw(doc);
    } catch (e) {
      reject(e);
      return;
    }
    doc.end();
  });
}
