import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page, type QueryParams } from './api';
import { cursorFor, rememberNext } from './cursors';

/**
 * The reads of a kind of record the API lists at `/<root>` and reads at `/<root>/:id`, cached
 * under ['<root>', 'list', params] and ['<root>', 'detail', id]. A feature's pages and the
 * shared pickers read the same cache this way, and a write that invalidates ['<root>']
 * refreshes both. `D`: a record as read alone, where it says more than in the list.
 */
export function entityQueries<T, P extends QueryParams, D extends T = T>(root: string) {
  const keys = {
    all: [root] as const,
    list: (params: P) => [root, 'list', params] as const,
    detail: (id: number) => [root, 'detail', id] as const,
  };
  const detail = (id: number) =>
    queryOptions({ queryKey: keys.detail(id), queryFn: () => api.get<D>(`/${root}/${id}`) });
  return {
    keys,
    detail,
    /** One record; nothing is asked while `id` is undefined. */
    useOne: (id: number | undefined) => useQuery({ ...detail(id ?? 0), enabled: id !== undefined }),
    /** A page of the list; the previous page stays shown while the next one loads. */
    useList: (params: P, enabled = true) =>
      useQuery({
        queryKey: keys.list(params),
        queryFn: async () => {
          const page = await api.get<Page<T>>(`/${root}`, { ...params, after: cursorFor(root, params) });
          rememberNext(root, params, page.next);
          return page;
        },
        placeholderData: keepPreviousData,
        enabled,
      }),
  };
}
