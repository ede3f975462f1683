import { renderPdf } from '../common/pdf/pdf-document';
import type { BlankForm } from './catalog.rules';

const MARGIN = 56;
const LABEL_WIDTH = 150;
const LINE_HEIGHT = 24;
const BORDER = '#333333';

/**
 * A blank form as a printable A4 PDF: a titled box per section, one row per labelled field (the
 * label on the left, room to write on the right, the known value printed in it), tick boxes,
 * the declaration and signature and date lines. Title and subject carry the form's and service's names.
 */
export function renderBlankForm(form: BlankForm, serviceName: string): Promise<Buffer> {
  return renderPdf({ margin: MARGIN, info: { Title: form.title, Subject: serviceName, Author: '政务通' } }, (doc) => {
    const left = MARGIN;
    const width = doc.page.width - MARGIN * 2;
    const bottom = () => doc.page.height - MARGIN;
    const room = (h: number) => {
      if (doc.y + h > bottom()) doc.addPage();
    };

    doc.fontSize(18).text(form.title, left, doc.y, { width, align: 'center' });
    doc.moveDown(0.4).fontSize(10).fillColor('#444');
    for (const line of form.subtitle) doc.text(line, left, doc.y, { width, align: 'center' });
    doc.fillColor('#000').moveDown(0.8);

    for (const section of form.sections) {
      room(LINE_HEIGHT * 2);
      const top = doc.y;
      doc.rect(left, top, width, 22).fillAndStroke('#eeeeee', BORDER);
      doc.fillColor('#000').fontSize(11).text(section.title, left + 8, top + 5, { width: width - 16 });
      doc.y = top + 22;
      if (section.hint) {
        const y = doc.y;
        doc.rect(left, y, width, 18).stroke(BORDER);
        doc.fontSize(9).fillColor('#555').text(section.hint, left + 8, y + 4, { width: width - 16 }).fillColor('#000');
        doc.y = y + 18;
      }
      for (const field of section.fields) {
        const h = LINE_HEIGHT * field.lines;
        room(h);
        const y = doc.y;
        doc.rect(left, y, LABEL_WIDTH, h).stroke(BORDER);
        doc.rect(left + LABEL_WIDTH, y, width - LABEL_WIDTH, h).stroke(BORDER);
        doc.fontSize(10).text(field.label, left + 6, y + 6, { width: LABEL_WIDTH - 12 });
        if (field.value) doc.fontSize(10).text(field.value, left + LABEL_WIDTH + 8, y + 6, { width: width - LABEL_WIDTH - 16 });
        doc.y = y + h;
      }
      for (const check of section.checks ?? []) {
        room(LINE_HEIGHT);
        const y = doc.y;
        doc.rect(left, y, width, LINE_HEIGHT).stroke(BORDER);
        doc.rect(left + 10, y + 7, 10, 10).stroke(BORDER);
        doc.fontSize(10).text(check, left + 28, y + 6, { width: width - 36, height: LINE_HEIGHT - 8, ellipsis: true });
        doc.y = y + LINE_HEIGHT;
      }
      doc.moveDown(0.6);
    }

    room(90);
    doc.fontSize(10).text(`　　${form.declaration}`, left, doc.y, { width, lineGap: 3 });
    doc.moveDown(1.5);
    for (const who of form.signatures) {
      room(40);
      const y = doc.y;
      doc.fontSize(11).text(`${who}：`, left, y, { width: width / 2 });
      doc.moveTo(left + 150, y + 16).lineTo(left + width / 2 + 20, y + 16).stroke(BORDER);
      doc.text('日期：　　　　年　　月　　日', left + width / 2 + 40, y, { width: width / 2 - 40 });
      doc.y = y + 34;
    }
    doc.moveDown(1);
    doc.fontSize(8.5).fillColor('#666').text(form.footer, left, doc.y, { width, align: 'center' });
    doc.fillColor('#000');
  });
}
