import { EditOutlined } from '@ant-design/icons';
import type { PartyOrg } from '@contract';
import { Button, Descriptions, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { PartyOrgKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { LedgerPanel } from '../ledger';
import { usePartyOrg } from './api';

type Props = {
  orgId: number | undefined;
  onClose: () => void;
  /** Offered where the page edits organisations; shown for one the reader may edit (`org.can.edit`). */
  onEdit?: (org: PartyOrg) => void;
};

/** A Party organisation's facts and its members' participation record. */
export function PartyOrgDetailDrawer({ orgId, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const shownId = useLastDefined(orgId);
  const { data: org, error, refetch } = usePartyOrg(shownId);
  const dash = t('common.none');

  return (
    <Drawer
      open={orgId !== undefined}
      onClose={onClose}
      title={org?.name ?? t('partyOrgs.detail')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      extra={
        org?.can.edit &&
        onEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(org)} data-testid="party-org-detail-edit">
            {t('common.edit')}
          </Button>
        )
      }
    >
      <div data-testid="party-org-detail">
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        {!org && !error && <Skeleton active />}
        {org && (
          <>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              bordered
              items={[
                { key: 'kind', label: t('partyOrgs.kind'), children: <PartyOrgKindTag kind={org.kind} /> },
                { key: 'region', label: t('partyOrgs.region'), children: org.regionName },
                { key: 'unit', label: t('partyOrgs.unit'), children: org.unitName ?? dash },
                { key: 'parent', label: t('partyOrgs.parent'), children: org.parentName ?? dash },
                { key: 'members', label: t('partyOrgs.memberCount'), children: org.memberCount },
              ]}
            />
            {org.can.seeRecord && <LedgerPanel subject={{ orgId: org.id }} />}
          </>
        )}
      </div>
    </Drawer>
  );
}
