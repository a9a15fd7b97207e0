import { BranchesOutlined, CheckOutlined, CloseOutlined, ProjectOutlined } from '@ant-design/icons';
import type { Need } from '@contract';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export type NeedActions = {
  onAccept: (need: Need) => void;
  onDecline: (need: Need) => void;
  onMerge: (need: Need) => void;
  onConvert: (need: Need) => void;
  /** The need being accepted, whose button spins. */
  acceptingId?: number;
};

/**
 * The answers the reader may give this need (`need.can`): its community's organisers, while it
 * is pending. Small in a list's row; full size on the need's own page.
 */
export function NeedDecisions({
  need: n,
  size = 'small',
  ...a
}: NeedActions & { need: Need; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  if (!n.can.decide) return null;
  return (
    <Space size={size === 'small' ? 4 : 8} wrap>
      {n.can.accept && (
        <Button
          type="primary"
          size={size}
          icon={<CheckOutlined />}
          loading={a.acceptingId === n.id}
          onClick={() => a.onAccept(n)}
          data-testid={`need-accept-${n.id}`}
        >
          {t('needs.accept')}
        </Button>
      )}
      {n.can.convert && (
        <Button
          size={size}
          icon={<ProjectOutlined />}
          onClick={() => a.onConvert(n)}
          data-testid={`need-convert-${n.id}`}
        >
          {t('needs.convert')}
        </Button>
      )}
      <Button
        size={size}
        icon={<BranchesOutlined />}
        onClick={() => a.onMerge(n)}
        data-testid={`need-merge-${n.id}`}
      >
        {t('needs.merge')}
      </Button>
      <Button
        danger
        size={size}
        icon={<CloseOutlined />}
        onClick={() => a.onDecline(n)}
        data-testid={`need-decline-${n.id}`}
      >
        {t('needs.decline')}
      </Button>
    </Space>
  );
}
