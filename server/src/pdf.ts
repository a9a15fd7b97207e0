/**
 * PDFs in Chinese (certificates, honour lists, unit reports). pdfkit embeds a CJK font from
 * the machine (Debian's fonts-noto-cjk, which CI installs for the browser tests) or the
 * file named by GONGJIAN_CJK_FONT; without one the API says so instead of printing boxes.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from './errors';

const CANDIDATES = [
  process.env.GONGJIAN_CJK_FONT,
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
].filter((f): f is string => Boolean(f));

function cjkFont(): { file: string; family?: string } {
  const file = CANDIDATES.find((f) => fs.existsSync(f));
  if (!file) throw new AppError(503, 'certificate_font_missing');
  // A collection needs the face's name: the Simplified Chinese one.
  const family = file.endsWith('.ttc')
    ? file.includes('Serif')
      ? 'NotoSerifCJKsc-Regular'
      : 'NotoSansCJKsc-Regular'
    : undefined;
  return { file, family };
}

/** A document set in the CJK font, and the bytes once `doc.end()` is called. */
export function cjkPdf(options: PDFKit.PDFDocumentOptions) {
  const font = cjkFont();
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', font.file, font.family);
  doc.font('cjk');
  return { doc, done };
}

/** A plain table: a ruled header, rows that break onto new pages with the header again. */
export function pdfTable(
  doc: PDFKit.PDFDocument,
  columns: { title: string; width: number; align?: 'left' | 'right' | 'center' }[],
  rows: (string | number)[][],
) {
  const left = doc.page.margins.left;
  const right = left + columns.reduce((s, c) => s + c.width, 0);
  const heightOf = (cells: (string | number)[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(String(c), { width: columns[i]!.width - 6 }))) + 6;
  const draw = (cells: (string | number)[]) => {
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(String(c), x + 3, y + 3, { width: columns[i]!.width - 6, align: columns[i]!.align ?? 'left' });
      x += columns[i]!.width;
    });
    doc.y = y + heightOf(cells);
  };
  const header = () => {
    draw(columns.map((c) => c.title));
    doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.8).stroke('#444');
  };
  doc.fontSize(10);
  header();
  for (const r of rows) {
    if (doc.y + heightOf(r) > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    draw(r);
  }
  doc.x = left;
}
