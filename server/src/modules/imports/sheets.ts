/**
 * Spreadsheets in and out: read .xlsx (streamed, so 100,000 rows stay small in memory)
 * or .csv into header + rows of text; write templates and exports with exceljs.
 */
import { Readable } from 'node:stream';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';

export type Sheet = { headers: string[]; rows: string[][] };

/** One cell as the text a person typed: dates as YYYY-MM-DD, numbers as written. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

export async function readXlsx(data: Buffer, onRow?: (n: number) => void): Promise<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  let headers: string[] | null = null;
  const rows: string[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!headers) headers = values;
      else {
        // Keep the spreadsheet's row numbers: empty rows between data still count.
        while (rows.length < row.number - 2) rows.push([]);
        rows.push(values);
        if (onRow && rows.length % 5000 === 0) onRow(rows.length);
      }
    }
    break; // the first sheet only
  }
  return { headers: headers ?? [], rows };
}

export function readCsv(data: Buffer): Promise<Sheet> {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  return new Promise((resolve, reject) => {
    let headers: string[] | null = null;
    const rows: string[][] = [];
    parseString(text, { ignoreEmpty: false, trim: true })
      .on('error', reject)
      .on('data', (r: string[]) => {
        if (!headers) headers = r;
        else rows.push(r);
      })
      .on('end', () => resolve({ headers: headers ?? [], rows }));
  });
}

export type Column = { header: string; width?: number; note?: string; list?: string[] };

/** A workbook with a header row, an example row, notes and drop-down lists. */
export async function template(columns: Column[], example: string[], notesTitle: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(example);
  columns.forEach((c, i) => {
    if (!c.list) return;
    for (let r = 2; r <= 2000; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.list.join(',')}"`],
      };
    }
  });
  const notes = wb.addWorksheet(notesTitle);
  notes.columns = [{ width: 18 }, { width: 80 }];
  for (const c of columns) notes.addRow([c.header, c.note ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An export: headers and rows into one sheet. */
export async function workbook(sheetName: string, headers: string[], rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length * 2 + 6)) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
