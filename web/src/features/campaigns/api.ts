import type { CAMPAIGN_KINDS, Campaign, CampaignReach } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type CampaignReachData = z.infer<typeof CampaignReach>;
export type CampaignListParams = { q?: string; regionId?: number; page?: number; pageSize?: number };
export type NewCampaign = {
  kind: CampaignKind;
  title: string;
  theme: string;
  regionId: number;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string;
};
export type CampaignChanges = Partial<Omit<NewCampaign, 'regionId'>>;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (params: CampaignListParams) => ['campaigns', 'list', params] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  reach: (id: number) => ['campaigns', 'reach', id] as const,
};

export function useCampaigns(params: CampaignListParams, enabled = true) {
  return useQuery({
    queryKey: campaignKeys.list(params),
    queryFn: () => api.get<Page<Campaign>>('/campaigns', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCampaign(id: number | undefined) {
  return useQuery({
    queryKey: campaignKeys.detail(id ?? 0),
    queryFn: () => api.get<Campaign>(`/campaigns/${id}`),
    enabled: id !== undefined,
  });
}

export function useCampaignReach(id: number | undefined) {
  return useQuery({
    queryKey: campaignKeys.reach(id ?? 0),
    queryFn: () => api.get<CampaignReachData>(`/campaigns/${id}/reach`),
    enabled: id !== undefined,
  });
}

function useCampaignMutation<V>(mutationFn: (vars: V) => Promise<Campaign>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
      return Promise.all(
        [['campaigns', 'list'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useCreateCampaign = () =>
  useCampaignMutation((body: NewCampaign) => api.post<Campaign>('/campaigns', body));

export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, ...body }: CampaignChanges & { id: number }) =>
    api.patch<Campaign>(`/campaigns/${id}`, body),
  );

export type CampaignPhase = 'upcoming' | 'ongoing' | 'ended';

/** Before, during or after its dates (whole days, local time). */
export function campaignPhase(c: Pick<Campaign, 'startsOn' | 'endsOn'>, today: string): CampaignPhase {
  if (today < c.startsOn) return 'upcoming';
  if (today > c.endsOn) return 'ended';
  return 'ongoing';
}
