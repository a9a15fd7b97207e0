/** The quarterly unit report as files: the same table to Excel and to PDF. */
import ExcelJS from 'exceljs';
import type { UnitReport } from '../../../../contract';
import { type Locale, message } from '../../i18n';
import { cjkPdf, pdfTable } from '../../pdf';

function table(r: UnitReport, lang: Locale) {
  const yes = message(lang, 'report_yes');
  const no = message(lang, 'report_no');
  return {
    title: message(lang, 'report_title', { unit: r.unit.name, year: r.year, quarter: r.quarter }),
    header: [
      message(lang, 'export_name'),
      message(lang, 'report_home'),
      message(lang, 'report_registered'),
      message(lang, 'report_hours'),
      message(lang, 'report_roles'),
      message(lang, 'report_meetings'),
      message(lang, 'report_courses'),
      message(lang, 'report_rating'),
    ],
    rows: r.members.map((m) => [
      m.person.name,
      m.homeCommunity,
      m.registered ? yes : no,
      m.hours,
      m.roles,
      m.meetings,
      m.courses,
      m.rating ?? '—',
    ]),
    total: [
      message(lang, 'export_sum'),
      '',
      `${r.totals.registered}/${r.totals.members}`,
      r.totals.hours,
      r.totals.roles,
      r.totals.meetings,
      r.totals.courses,
      r.totals.rating ?? '—',
    ],
  };
}

export const reportFileName = (r: UnitReport, ext: string) => `${r.unit.name}-${r.year}Q${r.quarter}.${ext}`;

export async function reportXlsx(r: UnitReport, lang: Locale) {
  const t = table(r, lang);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${r.year} Q${r.quarter}`);
  sheet.addRow([t.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${r.from} ~ ${r.to}`]);
  sheet.addRow(t.header).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row);
  sheet.addRow(t.total).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = i < 2 ? 20 : 12;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportPdf(r: UnitReport, lang: Locale) {
  const t = table(r, lang);
  const { doc, done } = cjkPdf({ size: 'A4', margin: 50, info: { Title: t.title } });
  const width = doc.page.width - 100;
  doc.fontSize(16).text(t.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`${r.from} ~ ${r.to}`, { align: 'center' });
  doc.moveDown(1).fillColor('#222');
  const share = [0.17, 0.2, 0.1, 0.11, 0.1, 0.1, 0.11, 0.11];
  pdfTable(
    doc,
    t.header.map((title, i) => ({ title, width: share[i]! * width, align: i > 2 ? 'right' : 'left' })),
    [...t.rows, t.total],
  );
  doc.end();
  return done;
}
