/** The overview as a workbook: the node and its children, then the trend. */
import ExcelJS from 'exceljs';
import type { Figures, Overview } from '../../../../contract';
import { type Locale, type MessageKey, message } from '../../i18n';

/** The columns, in the order a reader expects them; shares as percentages. */
/** Figures with a column, each labelled by its `figure_<key>` message. */
type Labelled<M> = M extends `figure_${infer K}` ? K : never;
type Column = keyof Figures & Labelled<MessageKey>;

const COLUMNS: { key: Column; percent?: boolean }[] = [
  { key: 'engagement' },
  { key: 'communitySide', percent: true },
  { key: 'participationSide', percent: true },
  { key: 'residentShare', percent: true },
  { key: 'residentsActive' },
  { key: 'residents' },
  { key: 'memberShare', percent: true },
  { key: 'membersActive' },
  { key: 'members' },
  { key: 'registeredShare', percent: true },
  { key: 'registrationsApproved' },
  { key: 'unitShare', percent: true },
  { key: 'unitsActive' },
  { key: 'units' },
  { key: 'serviceHours' },
  { key: 'facilityHours' },
  { key: 'facilityHoursUsed' },
  { key: 'projectsOpened' },
  { key: 'projectsDone' },
  { key: 'needsRaised' },
  { key: 'needsResolved' },
  { key: 'needsOpen' },
  { key: 'needsResolveDays' },
  { key: 'meetingsHeld' },
  { key: 'daysHeld' },
  { key: 'meetingsAttended' },
  { key: 'coursesCompleted' },
  { key: 'readRate', percent: true },
];

const cells = (f: Figures) =>
  COLUMNS.map((c) => {
    const v = f[c.key];
    return typeof v === 'number' && c.percent ? Math.round(v * 1000) / 10 : v;
  });

export async function overviewXlsx(o: Overview, lang: Locale) {
  const book = new ExcelJS.Workbook();
  const header = COLUMNS.map((c) => message(lang, `figure_${c.key}`) + (c.percent ? ' (%)' : ''));
  const nodes = book.addWorksheet(message(lang, 'figure_sheet_nodes'));
  nodes.addRow([`${o.region.name} · ${o.period.start} ~ ${o.period.end}`]).font = { bold: true, size: 13 };
  nodes.addRow([message(lang, 'export_region'), ...header]).font = { bold: true };
  nodes.addRow([o.region.name, ...cells(o.figures)]).font = { bold: true };
  for (const c of o.children) nodes.addRow([c.region.name, ...cells(c.figures)]);
  const trend = book.addWorksheet(message(lang, 'figure_sheet_trend'));
  trend.addRow([message(lang, 'figure_period'), ...header]).font = { bold: true };
  for (const p of o.trend) trend.addRow([p.period.start, ...cells(p.figures)]);
  for (const sheet of [nodes, trend])
    sheet.columns.forEach((col, i) => {
      col.width = i === 0 ? 18 : 12;
    });
  return Buffer.from(await book.xlsx.writeBuffer());
}
