import { CheckOutlined, CloseOutlined, HeartOutlined } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { formatQuantity } from '../ledger';
import { useTimeRequestAction } from './api';
import { Hours, type RequestActionTarget } from './RequestList';

const ICON = { offer: <HeartOutlined />, complete: <CheckOutlined />, cancel: <CloseOutlined /> };

/**
 * The second tap of offering to help, confirming the help given, or cancelling: what the
 * request is, what will happen to the hours, then the one action. A sheet on a phone.
 */
export function ActionSheet({
  target,
  onClose,
}: {
  target: RequestActionTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const act = useTimeRequestAction();
  const shown = useLastDefined(target);

  const confirm = () => {
    if (!target) return;
    const { request: q, action } = target;
    const hours = formatQuantity(q.hours);
    act.mutate(
      { id: q.id, action },
      {
        onSuccess: (done) => {
          feedback.success(
            action === 'offer'
              ? t('timeBank.offered', { name: q.asker.name })
              : action === 'complete'
                ? t('timeBank.completed', { name: done.helper?.name ?? '', hours })
                : t('timeBank.cancelled', { hours }),
          );
          onClose();
        },
        // Taken by someone else first (409), or not enough hours (422): the server says which.
        onError: feedback.error,
      },
    );
  };

  const q = shown?.request;
  const action = shown?.action ?? 'offer';
  const hours = q ? formatQuantity(q.hours) : '';
  const helper = q?.helper?.name ?? '';

  return (
    <ConfirmSheet
      open={target !== null}
      onClose={onClose}
      title={t(`timeBank.${action}Title`)}
      okText={t(`timeBank.${action}`)}
      okIcon={ICON[action]}
      onOk={confirm}
      loading={act.isPending}
      okTestId={`timebank-${action}-confirm`}
    >
      {q && (
        <div className="gj-team-sheet" data-testid="timebank-action-sheet">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'title', label: t('timeBank.request'), children: q.title },
              { key: 'asker', label: t('timeBank.asker'), children: q.asker.name },
              ...(q.helper ? [{ key: 'helper', label: t('timeBank.helper'), children: q.helper.name }] : []),
              { key: 'community', label: t('timeBank.community'), children: q.communityName },
              { key: 'hours', label: t('timeBank.hoursColumn'), children: <Hours hours={q.hours} /> },
            ]}
          />
          {q.description && (
            <Typography.Paragraph type="secondary" className="gj-prewrap gj-no-margin" ellipsis={{ rows: 4 }}>
              {q.description}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph className="gj-no-margin">
            {action === 'offer'
              ? t('timeBank.offerConfirm', { name: q.asker.name, hours })
              : action === 'complete'
                ? t('timeBank.completeConfirm', { name: helper, hours })
                : q.status === 'accepted'
                  ? t('timeBank.cancelConfirmAccepted', { name: helper, hours })
                  : t('timeBank.cancelConfirm', { hours })}
          </Typography.Paragraph>
        </div>
      )}
    </ConfirmSheet>
  );
}
