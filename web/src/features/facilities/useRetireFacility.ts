import type { Facility } from '@contract';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useRetireFacility } from './api';

/** "Retire" asks first: the facility leaves the catalogue and takes no more bookings. */
export function useRetireConfirm(onRetired?: (facility: Facility) => void) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const retire = useRetireFacility();
  return (facility: Facility) =>
    modal.confirm({
      title: t('facilities.retireTitle', { name: facility.name }),
      content: t('facilities.retireConfirm'),
      okText: t('facilities.retire'),
      okButtonProps: { danger: true, 'data-testid': 'facility-retire-confirm' },
      cancelText: t('facilities.keep'),
      onOk: () =>
        retire.mutateAsync(facility.id).then(
          (retired) => {
            feedback.success(t('facilities.retired', { name: retired.name }));
            onRetired?.(retired);
          },
          (error: unknown) => feedback.error(error),
        ),
    });
}
