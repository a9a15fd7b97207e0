import { useState } from 'react';
import { useDebouncedValue } from '../useDebouncedValue';

/**
 * A picker that asks the server as the user types: what is typed (trimmed, debounced; undefined
 * when empty) and the Select props that feed it — the server filters, and the typed text clears
 * when the list closes.
 */
export function useTypeahead() {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim()) || undefined;
  return {
    q,
    searchProps: {
      showSearch: { filterOption: false, onSearch: setSearch },
      onOpenChange: (open: boolean) => {
        if (!open) setSearch('');
      },
    },
  };
}

/**
 * The hits, with the chosen record first when they leave it out: it is fetched, so the field
 * shows its name, not its id. `always`: fetch it even when listed (for more than the list says).
 */
export function useWithChosen<T extends { id: number }, D extends T = T>(
  hits: T[],
  value: number | undefined,
  useOne: (id: number | undefined) => { data?: D },
  always = false,
) {
  const listed = hits.some((x) => x.id === value);
  const chosen = useOne(value !== undefined && (always || !listed) ? value : undefined).data;
  return { items: chosen && !listed ? [chosen, ...hits] : hits, chosen };
}
