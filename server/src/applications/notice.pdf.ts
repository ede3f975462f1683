import { renderPdf } from '../common/pdf/pdf-document';

/** Printable notices (受理通知书, 不予受理通知书, 准予/不予许可决定书) as PDF. */
export interface NoticeDocument {
  title: string;
  /** the document's own number, e.g. the receipt number */
  docNo: string;
  addressee: string;
  paragraphs: string[];
  rows: Array<[string, string]>;
  /** numbered lists after the rows, e.g. the materials received and those owed (受理通知书) */
  lists?: Array<{ title: string; items: string[] }>;
  issuer: string;
  date: string;
}

/** Render a notice; resolves with the whole PDF (a few dozen KB). */
export function renderNotice(n: NoticeDocument): Promise<Buffer> {
  return renderPdf({ margin: 64, info: { Title: n.title, Author: n.issuer, Subject: n.docNo } }, (doc) => {
    doc.fontSize(20).text(n.title, { align: 'center' });
    doc.moveDown(0.3).fontSize(10).fillColor('#555').text(n.docNo, { align: 'center' }).fillColor('#000');
    doc.moveDown(1.2).fontSize(12).text(`${n.addressee}：`);
    doc.moveDown(0.5);
    for (const p of n.paragraphs) doc.text(`　　${p}`, { lineGap: 4 }).moveDown(0.4);
    doc.moveDown(0.6);
    for (const [k, v] of n.rows) doc.fontSize(11).text(`${k}：${v}`, { lineGap: 3 });
    for (const list of n.lists ?? []) {
      doc.moveDown(0.6).fontSize(11).text(`${list.title}：`, { lineGap: 3 });
      list.items.forEach((item, i) => doc.fontSize(10.5).text(`${i + 1}. ${item}`, { indent: 14, lineGap: 2 }));
    }
    doc.moveDown(2);
    doc.fontSize(12).text(n.issuer, { align: 'right' });
    doc.text(n.date, { align: 'right' });
  });
}
