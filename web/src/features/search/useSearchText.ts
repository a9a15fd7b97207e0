import type { SearchGroup, SearchResults } from '@contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api';
import { useDebouncedValue } from '../../shared/useDebouncedValue';

/** The longest text the search takes (the server refuses more). */
export const SEARCH_MAX = 50;

export const searchKeys = {
  all: ['search'] as const,
  text: (q: string) => ['search', q] as const,
};

/**
 * What the search shows: nothing asked yet (`idle`), waiting with nothing to show (`loading`),
 * the groups found (`found`, the last ones while the next arrive), `none`, or the `error`.
 */
export type SearchState = 'idle' | 'loading' | 'found' | 'none' | 'error';

/**
 * The text typed into a search and what it finds: asked once the typing pauses (debounced),
 * trimmed, never empty; the last answer stays in view while the next one comes.
 */
export function useSearchText() {
  const [text, setText] = useState('');
  const typed = text.trim().slice(0, SEARCH_MAX);
  const q = useDebouncedValue(typed, 300);
  const results = useQuery({
    queryKey: searchKeys.text(q),
    queryFn: () => api.get<SearchResults>('/search', { q }),
    enabled: q.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const groups: SearchGroup[] = typed ? (results.data?.groups ?? []) : [];
  const settled = q === typed && results.data !== undefined && !results.isPlaceholderData;
  const state: SearchState = !typed
    ? 'idle'
    : groups.length > 0
      ? 'found'
      : q === typed && results.isError
        ? 'error'
        : settled
          ? 'none'
          : 'loading';
  return { text, setText, typed, groups, state, error: results.error, busy: !settled };
}
