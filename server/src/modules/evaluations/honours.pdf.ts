/** The published honour list (表彰名单) as a PDF. */
import type { HonourList } from '../../../../contract';
import { type Locale, labelOf, message } from '../../i18n';
import { cjkPdf, pdfTable } from '../../pdf';
import { todayIn } from '../../time';

/** `zone`: the district's time zone, the date of publication as people there read it. */
export function honourListPdf(list: HonourList, lang: Locale, zone: string): Promise<Buffer> {
  const e = list.evaluation;
  const { doc, done } = cjkPdf({ size: 'A4', margin: 50, info: { Title: e.title } });
  const width = doc.page.width - 100;
  doc.fillColor('#b7131a').fontSize(22).text(e.title, { align: 'center' });
  doc.moveDown(0.3);
  doc
    .fillColor('#222')
    .fontSize(13)
    .text(`${labelOf(lang, e.honour)} · ${message(lang, 'honour_list_heading')}`, { align: 'center' });
  doc.moveDown(0.5);
  doc
    .fontSize(10)
    .fillColor('#555')
    .text(
      message(lang, 'honour_list_facts', {
        region: e.regionName,
        from: e.periodFrom,
        to: e.periodTo,
        published: e.publishedAt ? todayIn(zone, e.publishedAt) : '',
        count: list.entries.length,
      }),
      { align: 'center' },
    );
  doc.moveDown(1).fillColor('#222');
  pdfTable(
    doc,
    [
      { title: message(lang, 'export_no'), width: 0.07 * width, align: 'right' },
      { title: message(lang, 'export_name'), width: 0.25 * width },
      { title: message(lang, 'export_region'), width: 0.18 * width },
      { title: message(lang, 'export_total'), width: 0.1 * width, align: 'right' },
      { title: message(lang, 'export_statement'), width: 0.4 * width },
    ],
    list.entries.map((x, i) => [i + 1, x.subject.name, x.regionName, x.total, x.statement]),
  );
  doc.end();
  return done;
}
