import type { Campaign } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from '../../lib/time';
import { type CampaignKind, type CampaignPhase, campaignPhase } from './api';

const PHASE_COLOR: Record<CampaignPhase, string> = { upcoming: 'blue', ongoing: 'red', ended: 'default' };

export function CampaignKindTag({ kind }: { kind: CampaignKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'publicity_week' ? 'volcano' : 'default'}>{t(`campaigns.kind.${kind}`)}</Tag>;
}

export function CampaignPhaseTag({ campaign }: { campaign: Pick<Campaign, 'startsOn' | 'endsOn'> }) {
  const { t } = useTranslation();
  const phase = campaignPhase(campaign, today());
  return (
    <Tag color={PHASE_COLOR[phase]} data-phase={phase}>
      {t(`campaigns.phase.${phase}`)}
    </Tag>
  );
}

/** "05-12 ~ 05-18", with years when not this year's. */
export function campaignDates(c: Pick<Campaign, 'startsOn' | 'endsOn'>) {
  const year = today().slice(0, 4);
  const short = (d: string) => (d.startsWith(year) ? d.slice(5) : d);
  return `${short(c.startsOn)} ~ ${short(c.endsOn)}`;
}
