/** The completion certificate (结业证书) as a PDF in Chinese. */
import { cjkPdf } from '../../pdf';

export function certificatePdf(facts: {
  name: string;
  courseTitle: string;
  regionName: string;
  sessions: number;
  completedOn: string;
  number: string;
}): Promise<Buffer> {
  const { doc, done } = cjkPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    info: { Title: `结业证书 ${facts.name}` },
  });
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
