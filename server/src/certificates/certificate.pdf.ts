import { renderPdf } from '../common/pdf/pdf-document';

/** What the certificate PDF shows: the signed particulars, the QR code (PNG) of its verification address, and the signature. */
export interface CertificateDocument {
  type: string;
  number: string;
  holderName: string;
  holderIdNo: string;
  issuedBy: string;
  issuedOn: string;
  validity: string;
  verifyUrl: string;
  qrPng: Buffer;
  signature: string;
  algorithm: string;
}

/** Render an electronic certificate (电子证照) on one A4 page; resolves with the whole PDF. */
export function renderCertificate(c: CertificateDocument): Promise<Buffer> {
  return renderPdf({ margin: 56, info: { Title: c.type, Author: c.issuedBy, Subject: `证照编号：${c.number}` } }, (doc) => {
    doc.fontSize(11).fillColor('#b91c1c').text('电子证照', { align: 'center' }).fillColor('#000');
    doc.moveDown(0.4).fontSize(26).text(c.type, { align: 'center' });
    doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`证照编号：${c.number}`, { align: 'center' }).fillColor('#000');
    doc.moveDown(1.5);
    const rows: Array<[string, string]> = [
      ['持证主体', c.holderName],
      ['证件号码', c.holderIdNo],
      ['发证机关', c.issuedBy],
      ['发证日期', c.issuedOn],
      ['有效期限', c.validity],
    ];
    for (const [k, v] of rows) doc.fontSize(13).text(`${k}：${v}`, { lineGap: 8 });
    const top = doc.y + 24;
    doc.image(c.qrPng, doc.page.width - 56 - 140, top, { width: 140 });
    doc.fontSize(9).fillColor('#333').text('扫描右侧二维码，或打开以下地址，可核验本证照的真伪和状态：', 56, top, { width: 300 });
    doc.moveDown(0.4).text(c.verifyUrl, { width: 300, link: c.verifyUrl });
    doc.moveDown(1.2).fillColor('#666').text(`电子签名（${c.algorithm}）：`, { width: 300 });
    doc.text(c.signature, { width: 300 });
    doc.fillColor('#000').fontSize(13).text(c.issuedBy, 56, top + 200, { align: 'right' });
    doc.text(c.issuedOn, { align: 'right' });
  });
}
