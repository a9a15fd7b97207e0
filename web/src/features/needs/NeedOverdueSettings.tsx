import { FieldTimeOutlined } from '@ant-design/icons';
import { NEED_OVERDUE_DAYS, type NeedSetting } from '@contract';
import { Button, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { useNeedSettings, useSetNeedSetting } from './api';

/** One street's days before its needs are overdue, with its own save. */
function StreetDays({ setting }: { setting: NeedSetting }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const save = useSetNeedSetting();
  const [days, setDays] = useState<number | null>(setting.overdueDays);
  const changed = days !== null && days !== setting.overdueDays;
  const submit = () => {
    if (days === null) return;
    save.mutate(
      { streetId: setting.streetId, overdueDays: days },
      {
        onSuccess: (s) =>
          feedback.success(t('needs.settingsSaved', { street: s.streetName, days: s.overdueDays })),
        onError: feedback.error,
      },
    );
  };
  return (
    <div className="gj-card-row" data-testid={`need-setting-${setting.streetId}`}>
      <div className="gj-card-row-head">
        <strong>{setting.streetName}</strong>
        {setting.isDefault && <Tag>{t('needs.settingsDefault')}</Tag>}
      </div>
      <Space wrap>
        <InputNumber<number>
          min={NEED_OVERDUE_DAYS.min}
          max={NEED_OVERDUE_DAYS.max}
          precision={0}
          value={days}
          onChange={setDays}
          disabled={!setting.can.update}
          suffix={t('needs.daysUnit')}
          aria-label={t('needs.settingsDays')}
          data-testid={`need-setting-days-${setting.streetId}`}
        />
        {setting.can.update && (
          <Button
            type="primary"
            disabled={!changed}
            loading={save.isPending}
            onClick={submit}
            data-testid={`need-setting-save-${setting.streetId}`}
          >
            {t('common.save')}
          </Button>
        )}
      </Space>
    </div>
  );
}

/**
 * For those who organise a whole street (its admins, the district's): how many days its needs may
 * wait before they read as overdue. Shown only where the server says the reader may set one.
 */
export function NeedOverdueSettings() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const settings = useNeedSettings();
  const items = settings.data?.items ?? [];
  if (!items.some((s) => s.can.update)) return null;
  return (
    <>
      <Button icon={<FieldTimeOutlined />} onClick={() => setOpen(true)} data-testid="need-settings">
        {t('needs.settings')}
      </Button>
      <Modal
        open={open}
        title={t('needs.settingsTitle')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('needs.settingsHint')}</Typography.Paragraph>
        <PlainList
          items={items}
          rowKey={(s) => s.streetId}
          empty={t('common.empty')}
          render={(s) => <StreetDays setting={s} />}
        />
      </Modal>
    </>
  );
}
