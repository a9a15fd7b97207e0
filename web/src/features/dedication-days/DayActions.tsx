import { CalendarOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import type { DedicationDay } from '@contract';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { downloadIcal, useRetireDedicationDay } from './api';

type Props = {
  day: DedicationDay;
  onEdit: (day: DedicationDay) => void;
  /** Link buttons in a table row; small default buttons on a phone's card. */
  variant: 'link' | 'card';
};

/** Edit, export to a calendar (.ics) and retire (which asks first: it cancels what is to come). */
export function DayActions({ day, onEdit, variant }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const retire = useRetireDedicationDay();
  const [exporting, setExporting] = useState(false);
  const retired = day.retiredAt !== null;
  const buttonType = variant === 'link' ? 'link' : 'default';

  const exportIcal = async () => {
    setExporting(true);
    try {
      await downloadIcal(day);
    } catch (error) {
      feedback.error(error);
    } finally {
      setExporting(false);
    }
  };

  const confirmRetire = () =>
    modal.confirm({
      title: t('dedication.retireTitle'),
      content: t('dedication.retireConfirm', { title: day.title }),
      okText: t('dedication.retire'),
      okButtonProps: { danger: true, 'data-testid': 'dedication-retire-confirm' },
      cancelText: t('dedication.keep'),
      onOk: () =>
        retire.mutateAsync(day.id).then(
          (done) => feedback.success(t('dedication.retired', { title: done.title })),
          (error: unknown) => feedback.error(error),
        ),
    });

  return (
    <Space size={variant === 'link' ? 0 : 8} wrap>
      {!retired && (
        <Button
          type={buttonType}
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(day)}
          data-testid={`dedication-edit-${day.id}`}
        >
          {t('common.edit')}
        </Button>
      )}
      <Button
        type={buttonType}
        size="small"
        icon={<CalendarOutlined />}
        loading={exporting}
        onClick={() => void exportIcal()}
        data-testid={`dedication-ical-${day.id}`}
      >
        {t('dedication.ical')}
      </Button>
      {!retired && (
        <Button
          type={buttonType}
          size="small"
          danger
          icon={<StopOutlined />}
          loading={retire.isPending}
          onClick={confirmRetire}
          data-testid={`dedication-retire-${day.id}`}
        >
          {t('dedication.retire')}
        </Button>
      )}
    </Space>
  );
}
