/**
 * Spreadsheets in and out: read .xlsx or .csv into header + rows of text; write
 * templates and exports with exceljs.
 */
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { readSheet } from 'read-excel-file/node';

export type Sheet = { headers: string[]; rows: string[][] };

/** One cell as the text a person typed: dates as YYYY-MM-DD, numbers as written. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * Reads the first sheet. (exceljs's streaming reader splits multi-byte characters at
 * chunk boundaries — Chinese names came back with U+FFFD — so reading uses read-excel-file.)
 */
export async function readXlsx(data: Buffer): Promise<Sheet> {
  const rows = await readSheet(data);
  const [head = [], ...body] = rows;
  return { headers: head.map(cellText), rows: body.map((r) => r.map(cellText)) };
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
