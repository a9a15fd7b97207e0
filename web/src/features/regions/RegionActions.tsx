import { DragOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { CHILD_KIND, type RegionWithAncestors } from '@contract';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useRestoreRegion, useRetireRegion } from './api';
import { MoveRegionModal } from './MoveRegionModal';
import { RegionFormModal, type RegionFormTarget } from './RegionFormModal';

/** The node's actions, as far as `region.can` (the server's answers for this reader) allows. */
type Props = { region: RegionWithAncestors; onLocate: (id: number) => void };

export function RegionActions({ region, onLocate }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const retire = useRetireRegion();
  const restore = useRestoreRegion();
  const [form, setForm] = useState<RegionFormTarget | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [moving, setMoving] = useState(false);
  const childKind = CHILD_KIND[region.kind];
  const { can } = region;

  const openForm = (target: RegionFormTarget) => {
    setForm(target);
    setFormOpen(true);
  };

  const confirmRetire = () =>
    modal.confirm({
      title: t('regions.retireTitle', { name: region.name }),
      content: region.childCount > 0 ? t('regions.retireSubtree') : t('regions.retireLeaf'),
      okText: t('regions.retire'),
      okButtonProps: { danger: true },
      onOk: () =>
        retire.mutateAsync(region.id).then(
          () => feedback.success(t('regions.retiredDone', { name: region.name })),
          (error: unknown) => feedback.error(error),
        ),
    });

  const onRestore = () =>
    restore.mutate(region.id, {
      onSuccess: () => feedback.success(t('regions.restored', { name: region.name })),
      onError: feedback.error,
    });

  return (
    <>
      <Space wrap>
        {childKind && can.addChild && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => openForm({ mode: 'create', parent: region })}
          >
            {t('regions.addChild', { kind: t(`regionKind.${childKind}`) })}
          </Button>
        )}
        {can.edit && (
          <Button icon={<EditOutlined />} onClick={() => openForm({ mode: 'edit', region })}>
            {t('common.edit')}
          </Button>
        )}
        {can.move && (
          <Button icon={<DragOutlined />} onClick={() => setMoving(true)}>
            {t('regions.move')}
          </Button>
        )}
        {can.restore && (
          <Button icon={<UndoOutlined />} onClick={onRestore} loading={restore.isPending}>
            {t('regions.restore')}
          </Button>
        )}
        {can.retire && (
          <Button danger icon={<StopOutlined />} onClick={confirmRetire}>
            {t('regions.retire')}
          </Button>
        )}
      </Space>
      {form && (
        <RegionFormModal
          target={form}
          open={formOpen}
          onClose={() => setFormOpen(false)}
          onSaved={(saved) => form.mode === 'create' && onLocate(saved.id)}
        />
      )}
      <MoveRegionModal region={region} open={moving} onClose={() => setMoving(false)} onMoved={onLocate} />
    </>
  );
}
