import type { ExportResource } from '@contract';
import type { QueryParams } from '../lib/api';
import { DownloadButton } from './DownloadButton';
import { downloadExport } from './download';

type Props = {
  resource: ExportResource;
  /** The list's current filters; paging is left out. */
  filters: QueryParams;
};

/** "Export to Excel": the list as filtered on screen, all its pages. */
export function ExportButton({ resource, filters }: Props) {
  return <DownloadButton download={() => downloadExport(resource, filters)} testId={`export-${resource}`} />;
}
