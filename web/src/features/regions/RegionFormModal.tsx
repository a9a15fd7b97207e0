import { CHILD_KIND, type Region } from '@contract';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useCreateRegion, useUpdateRegion } from './api';

/** Add a child under `parent`, or edit `region`'s name and code. */
export type RegionFormTarget = { mode: 'create'; parent: Region } | { mode: 'edit'; region: Region };
type Values = { name: string; code?: string };

const FIELDS = ['name', 'code'] as const;
const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

type Props = {
  target: RegionFormTarget;
  open: boolean;
  onClose: () => void;
  onSaved: (region: Region) => void;
};

export function RegionFormModal({ target, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const feedback = useFeedback();
  const editing = target.mode === 'edit';
  const childKind = target.mode === 'create' ? CHILD_KIND[target.parent.kind] : null;

  const title =
    target.mode === 'edit'
      ? t('regions.editTitle', { name: target.region.name })
      : t('regions.addChildTitle', {
          kind: childKind ? t(`regionKind.${childKind}`) : '',
          parent: target.parent.name,
        });

  const onFinish = ({ name, code }: Values) => {
    const options = {
      onSuccess: (region: Region) => {
        feedback.success(editing ? t('common.saved') : t('regions.created', { name: region.name }));
        onSaved(region);
        onClose();
      },
      onError: (error: unknown) => feedback.formError(form, error, FIELDS),
    };
    const trimmedCode = code?.trim() || undefined;
    if (target.mode === 'edit') update.mutate({ id: target.region.id, name, code: trimmedCode }, options);
    else create.mutate({ parentId: target.parent.id, name, code: trimmedCode }, options);
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={form.submit}
      okText={editing ? t('common.save') : t('common.create')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={
          target.mode === 'edit' ? { name: target.region.name, code: target.region.code } : undefined
        }
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('regions.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('regions.code')}
          extra={editing ? undefined : t('regions.codeHint')}
          rules={[
            { required: editing, whitespace: true },
            { max: 40 },
            { pattern: CODE_PATTERN, message: t('regions.codeInvalid') },
          ]}
        >
          <Input className="gj-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
