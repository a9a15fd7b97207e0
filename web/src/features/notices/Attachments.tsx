import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Notice } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { downloadFile } from '../../shared/download';
import { useFeedback } from '../../shared/feedback';
import { noticeKeys } from './api';

const MAX_BYTES = 10 * 1024 * 1024;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A notice's files, to download; for a draft's author also to add (10 MB each) and remove. */
export function Attachments({ notice, editable = false }: { notice: Notice; editable?: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: noticeKeys.detail(notice.id) });
  const remove = useMutation({
    mutationFn: (attachmentId: number) => api.delete(`/notices/${notice.id}/attachments/${attachmentId}`),
    onSuccess: refresh,
  });

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      feedback.warning(t('notices.attachments.tooBig'));
      return;
    }
    setUploading(true);
    try {
      await api.upload(`/notices/${notice.id}/attachments`, file);
      await refresh();
      feedback.success(t('notices.attachments.added', { name: file.name }));
    } catch (error) {
      feedback.error(error);
    } finally {
      setUploading(false);
    }
  };

  if (!editable && notice.attachments.length === 0) return null;
  return (
    <div className="gj-stack gj-section" data-testid="notice-attachments">
      <Typography.Text strong>
        <PaperClipOutlined /> {t('notices.attachments.title')}
      </Typography.Text>
      {notice.attachments.map((a) => (
        <span key={a.id} className="gj-inline">
          <Button
            type="link"
            size="small"
            onClick={() =>
              downloadFile(`/notices/${notice.id}/attachments/${a.id}`, a.name).catch((e: unknown) =>
                feedback.error(e),
              )
            }
            data-testid={`notice-attachment-${a.id}`}
          >
            {a.name}
          </Button>
          <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
          {editable && (
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('notices.attachments.remove')}
              onClick={() =>
                modal.confirm({
                  title: t('notices.attachments.removeTitle', { name: a.name }),
                  okButtonProps: { danger: true },
                  onOk: () => remove.mutateAsync(a.id).catch((e: unknown) => feedback.error(e)),
                })
              }
              data-testid={`notice-attachment-remove-${a.id}`}
            />
          )}
        </span>
      ))}
      {editable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="notice-attachment-add">
            {t('notices.attachments.add')}
          </Button>
        </Upload>
      )}
    </div>
  );
}
