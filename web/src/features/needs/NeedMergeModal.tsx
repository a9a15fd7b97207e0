import type { Need } from '@contract';
import { Form, Modal, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useTypeahead } from '../../shared/pickers/typeahead';
import { useLastDefined } from '../../shared/useLastDefined';
import { useDecideNeed, useNeeds } from './api';

type Values = { intoId: number };

/** Needs of the same community that a duplicate may be folded into. */
function NeedPicker({
  need,
  value,
  onChange,
}: {
  need: Need;
  value?: number;
  onChange?: (value: number) => void;
}) {
  const { t } = useTranslation();
  const { q, searchProps } = useTypeahead();
  const list = useNeeds({ regionId: need.communityId, q, pageSize: 30 });
  const options = (list.data?.items ?? [])
    .filter((n) => n.id !== need.id && n.status !== 'merged' && n.status !== 'declined')
    .map((n) => ({ value: n.id, label: `#${n.id} ${n.title}` }));
  return (
    <Select<number>
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      placeholder={t('needs.mergePick')}
      {...searchProps}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('needs.noneToMerge')}
      data-testid="need-merge-into"
    />
  );
}

/** Folds a duplicate into another need of the same community. */
export function NeedMergeModal({ need, onClose }: { need: Need | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const decide = useDecideNeed();
  const feedback = useFeedback();
  const shown = useLastDefined(need);

  const onFinish = ({ intoId }: Values) => {
    if (!need) return;
    decide.mutate(
      { id: need.id, decision: 'merge', intoId },
      {
        onSuccess: () => {
          feedback.success(t('needs.merged', { title: need.title }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['intoId']),
      },
    );
  };

  return (
    <Modal
      open={need !== null}
      title={t('needs.mergeTitle', { title: shown?.title ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('needs.merge')}
      okButtonProps={{ 'data-testid': 'need-merge-submit' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('needs.mergeHint', { community: shown?.communityName ?? '' })}
      </Typography.Paragraph>
      {shown && (
        <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
          <Form.Item
            name="intoId"
            label={t('needs.mergeInto')}
            rules={[{ required: true, message: t('needs.mergeRequired') }]}
          >
            <NeedPicker need={shown} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
