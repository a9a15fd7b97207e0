import { useSearchParams } from 'react-router';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

function positiveInt(value: string | null, fallback: number) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * A list's page and filters, kept in the address bar so that reload, back and a shared link
 * show the same page.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])) as Record<
    K,
    string | undefined
  >;

  const setFilters = (patch: Partial<Record<K, string | number | undefined>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries<string | number | undefined>(patch)) {
          if (value !== undefined && value !== '') next.set(key, String(value));
          else next.delete(key);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const setPage = (nextPage: number, nextPageSize: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', String(nextPageSize === pageSize ? nextPage : 1));
      next.set('pageSize', String(nextPageSize));
      return next;
    });

  return { page, pageSize, filters, setFilters, setPage };
}

/** Table pagination bound to useListParams. */
export function paginationProps(
  list: { page: number; pageSize: number; setPage: (page: number, pageSize: number) => void },
  total: number,
  showTotal: (total: number) => string,
) {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal,
    onChange: list.setPage,
  };
}
