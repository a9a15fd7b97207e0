import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { byLevel } from '../../shared/regionLevels';
import { type RegionTreeNode, regionQuery, regionTreeQuery } from './api';

/**
 * The region tree, loaded one level at a time. Every opened node is its own query, so a write
 * that invalidates ['regions'] refreshes exactly the levels on screen.
 */
export function useRegionTree(rootIds: number[], includeRetired: boolean) {
  const queryClient = useQueryClient();
  const [openedIds, setOpenedIds] = useState<number[]>([]);
  const [expandedIds, setExpandedIds] = useState<number[]>(rootIds);

  const ids = [...new Set([...rootIds, ...openedIds])];
  const results = useQueries({
    queries: ids.map((id) => ({ ...regionTreeQuery(id, includeRetired), placeholderData: keepPreviousData })),
  });
  const loaded = new Map<number, RegionTreeNode>();
  ids.forEach((id, i) => {
    const data = results[i]?.data;
    if (data) loaded.set(id, data);
  });
  const rootResults = results.slice(0, rootIds.length);

  const load = useCallback(
    async (nodeIds: number[]) => {
      await Promise.all(
        nodeIds.map((id) => queryClient.ensureQueryData(regionTreeQuery(id, includeRetired))),
      );
      setOpenedIds((prev) => [...new Set([...prev, ...nodeIds])]);
    },
    [queryClient, includeRetired],
  );

  /** Opens the path from the user's root down to the region's parent. */
  const reveal = useCallback(
    async (id: number) => {
      const region = await queryClient.fetchQuery(regionQuery(id));
      const chain = byLevel(region.ancestors).map((a) => a.id);
      const rootIndex = chain.findIndex((a) => rootIds.includes(a));
      const path = rootIndex < 0 ? [] : chain.slice(rootIndex);
      await load(path);
      setExpandedIds((prev) => [...new Set([...prev, ...path])]);
    },
    [queryClient, rootIds, load],
  );

  return {
    loaded,
    load,
    reveal,
    expandedIds,
    setExpandedIds,
    isPending: rootResults.some((r) => r.isPending),
    error: rootResults.find((r) => r.error)?.error ?? null,
    refetch: () => Promise.all(rootResults.map((r) => r.refetch())),
  };
}
