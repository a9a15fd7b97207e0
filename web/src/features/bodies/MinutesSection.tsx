import { SaveOutlined } from '@ant-design/icons';
import type { Meeting } from '@contract';
import { Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useUpdateMeeting } from './meetings.api';

/** The minutes: written after the meeting; blank saves as none. Keyed by the saved text. */
export function MinutesSection({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const update = useUpdateMeeting();
  const [text, setText] = useState(meeting.minutes ?? '');
  const dirty = text.trim() !== (meeting.minutes ?? '');

  if (!editable) {
    return meeting.minutes ? (
      <Typography.Paragraph className="gj-prewrap gj-no-margin" data-testid="minutes-text">
        {meeting.minutes}
      </Typography.Paragraph>
    ) : (
      <Typography.Text type="secondary">{t('meetings.noMinutes')}</Typography.Text>
    );
  }

  const save = () =>
    update.mutate(
      { id: meeting.id, minutes: text.trim() || null },
      { onSuccess: () => feedback.success(t('meetings.minutesSaved')), onError: feedback.error },
    );

  return (
    <div className="gj-stack gj-gap">
      {/* On paper, the minutes as saved, whole; the editor stays on screen. */}
      <Typography.Paragraph className="print-only gj-prewrap gj-no-margin" data-testid="minutes-print">
        {meeting.minutes ?? t('meetings.noMinutes')}
      </Typography.Paragraph>
      <Input.TextArea
        className="no-print"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 5, maxRows: 20 }}
        maxLength={20000}
        placeholder={t('meetings.minutesPlaceholder')}
        data-testid="minutes-input"
      />
      <div className="gj-section-bar gj-section-bar-end no-print">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={save}
          disabled={!dirty}
          loading={update.isPending}
          data-testid="minutes-save"
        >
          {t('meetings.saveMinutes')}
        </Button>
      </div>
    </div>
  );
}
