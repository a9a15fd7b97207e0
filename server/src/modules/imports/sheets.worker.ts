/**
 * Reads an .xlsx file's first sheet into text rows, in a worker thread (see `readXlsx`):
 * the parser builds the whole sheet's XML in memory — about 200 MB for 100,000 rows —
 * and a worker's heap goes back to the system when it ends, the server's would not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSheet } from 'read-excel-file/node';

/** One cell as the text a person typed: dates as YYYY-MM-DD, numbers as written. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

const rows = await readSheet(Buffer.from(workerData as Uint8Array));
parentPort!.postMessage(rows.map((r) => r.map(cellText)));
