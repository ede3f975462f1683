import type { Response } from 'express';
import { contentDisposition } from './files.rules';

/** Answer a generated PDF (notices, decisions, certificates) for download, never cached by the way. */
export function sendPdf(res: Response, doc: { name: string; pdf: Buffer }): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Length', String(doc.pdf.length));
  res.setHeader('Content-Disposition', contentDisposition(doc.name));
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(doc.pdf);
}
