import type { RegionWithAncestors } from '@contract';
import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { byLevel } from '../../shared/regionLevels';
import { useMoveRegion } from './api';
import { parentKind } from './regionUtils';

type Props = {
  region: RegionWithAncestors;
  open: boolean;
  onClose: () => void;
  onMoved: (id: number) => void;
};

export function MoveRegionModal({ region, open, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ parentId: number }>();
  const move = useMoveRegion();
  const feedback = useFeedback();
  const kind = parentKind(region.kind);
  const currentParent = byLevel(region.ancestors).at(-1);

  const onFinish = ({ parentId }: { parentId: number }) =>
    move.mutate(
      { id: region.id, parentId },
      {
        onSuccess: () => {
          feedback.success(t('regions.moved', { name: region.name }));
          onMoved(region.id);
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['parentId']),
      },
    );

  return (
    <Modal
      open={open}
      title={t('regions.moveTitle', { name: region.name })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('regions.move')}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      {currentParent && (
        <Typography.Paragraph type="secondary">
          {t('regions.currentParent', { name: currentParent.name })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="parentId"
          label={t('regions.newParent', { kind: kind ? t(`regionKind.${kind}`) : '' })}
          rules={[{ required: true, message: t('regions.required') }]}
        >
          <RegionSelect
            kind={kind ?? undefined}
            exclude={region.parentId === null ? [] : [region.parentId]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
