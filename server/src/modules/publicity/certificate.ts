/**
 * The completion certificate (结业证书) as a PDF in Chinese. pdfkit embeds a CJK font from
 * the machine (Debian's fonts-noto-cjk, which CI installs for the browser tests) or the
 * file named by GONGJIAN_CJK_FONT; without one the API says so instead of printing boxes.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../errors';

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

export function certificatePdf(facts: {
  name: string;
  courseTitle: string;
  regionName: string;
  sessions: number;
  completedOn: string;
  number: string;
}): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    info: { Title: `结业证书 ${facts.name}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', font.file, font.family);
  doc.font('cjk');
  const { width, height } = doc.page;
  doc
    .rect(30, 30, width - 60, height - 60)
    .lineWidth(3)
    .stroke('#b7131a');
  doc
    .rect(40, 40, width - 80, height - 80)
    .lineWidth(1)
    .stroke('#b7131a');
  doc.fillColor('#b7131a').fontSize(40).text('结 业 证 书', 0, 110, { align: 'center', characterSpacing: 6 });
  doc.fillColor('#222').fontSize(20).text(`${facts.name} 同志：`, 120, 210);
  doc
    .fontSize(18)
    .text(
      `参加由${facts.regionName}举办的“${facts.courseTitle}”，完成规定的 ${facts.sessions} 次课程学习，成绩合格，准予结业。`,
      150,
      260,
      { width: width - 300, lineGap: 10 },
    );
  doc.fontSize(16).text(facts.regionName, width - 380, height - 190, { width: 260, align: 'right' });
  doc.text(facts.completedOn, width - 380, height - 160, { width: 260, align: 'right' });
  doc
    .fillColor('#888')
    .fontSize(11)
    .text(`证书编号 ${facts.number}`, 120, height - 110);
  doc.end();
  return done;
}
