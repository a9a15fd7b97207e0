/**
 * Spreadsheets in and out: read .xlsx or .csv into header + rows of text; write
 * templates and exports with exceljs.
 */
import { Worker } from 'node:worker_threads';
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';

export type Sheet = { headers: string[]; rows: string[][] };

// Built next to the server (server/dist/sheets.worker.js); run from source under tsx.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCE ? './sheets.worker.ts' : './sheets.worker.js', import.meta.url);
const fromSource = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`;

/**
 * Reads the first sheet, in a worker thread whose memory goes when it ends (sheets.worker.ts).
 * (exceljs's streaming reader splits multi-byte characters at chunk boundaries — Chinese names
 * came back with U+FFFD — so reading uses read-excel-file, which holds the sheet whole.)
 */
export function readXlsx(data: Buffer): Promise<Sheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(FROM_SOURCE ? fromSource : WORKER, {
      eval: FROM_SOURCE,
      workerData: new Uint8Array(data),
      // A hostile file stops its reader, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 768 },
    });
    worker.once('message', (rows: string[][]) => {
      const [headers = [], ...body] = rows;
      resolve({ headers, rows: body });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the sheet reader stopped (${code})`)));
  });
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
