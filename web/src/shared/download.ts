import type { ExportResource } from '@contract';
import { api, type QueryParams } from '../lib/api';

/** Hands a blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start reading the blob before it is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an API file, named as the server names it, else `fallbackName`. */
export async function downloadFile(path: string, fallbackName: string, query?: QueryParams) {
  const { blob, fileName } = await api.download(path, query);
  saveBlob(blob, fileName ?? fallbackName);
}

/** A list to Excel with the list's filters (never its page): GET /api/exports/<resource>. */
export function downloadExport(resource: ExportResource, filters: QueryParams) {
  const { page: _page, pageSize: _pageSize, ...query } = filters;
  return downloadFile(`/exports/${resource}`, `${resource}.xlsx`, query);
}
