import { DownOutlined, InfoCircleOutlined, SaveOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import {
  type Channel,
  type NotificationPrefsViewData,
  useNotificationPrefs,
  useSaveNotificationPrefs,
} from './api';
import { GROUPS, KIND_GROUPS, type KindGroup, type KnownKind } from './kinds';

const CHANNELS: readonly Channel[] = ['sms', 'wechat'];

/** The kinds of a group the reader may receive: staff kinds only where the server says so. */
const kindsFor = (g: KindGroup, receivable: readonly string[]): readonly KnownKind[] =>
  g === 'staff' ? KIND_GROUPS.staff.filter((k) => receivable.includes(k)) : KIND_GROUPS[g];

function PrefsForm({ saved }: { saved: NotificationPrefsViewData }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  // On a phone the groups come folded: a tick per group is what most people change.
  const [open, setOpen] = useState<Set<KindGroup>>(() => new Set(isMobile ? [] : GROUPS));
  const feedback = useFeedback();
  const save = useSaveNotificationPrefs();
  const [muted, setMuted] = useState<Set<string>>(() => new Set(saved.muted));
  const [channels, setChannels] = useState<Channel[]>(saved.channels);
  const [digest, setDigest] = useState(saved.digest);
  const groups = GROUPS.filter((g) => kindsFor(g, saved.receivable).length > 0);
  const changed =
    digest !== saved.digest ||
    muted.size !== saved.muted.length ||
    saved.muted.some((k) => !muted.has(k)) ||
    channels.length !== saved.channels.length ||
    channels.some((c) => !saved.channels.includes(c));

  const setKinds = (kinds: readonly string[], on: boolean) =>
    setMuted((prev) => {
      const next = new Set(prev);
      for (const k of kinds) {
        if (on) next.delete(k);
        else next.add(k);
      }
      return next;
    });

  const onSave = () =>
    save.mutate(
      { muted: [...muted], channels, digest },
      { onSuccess: () => feedback.success(t('notifications.prefs.saved')), onError: feedback.error },
    );

  const group = (g: KindGroup) => {
    const kinds = kindsFor(g, saved.receivable);
    const on = kinds.filter((k) => !muted.has(k)).length;
    return (
      <fieldset key={g} className="gj-pub-prefs-group" data-testid={`prefs-group-${g}`}>
        <legend className="gj-pub-prefs-legend">
          <Checkbox
            checked={on === kinds.length}
            indeterminate={on > 0 && on < kinds.length}
            onChange={(e) => setKinds(kinds, e.target.checked)}
            data-testid={`prefs-group-toggle-${g}`}
          >
            <strong>{t(`notifications.groups.${g}`)}</strong>
          </Checkbox>
          <Button
            type="link"
            size="small"
            aria-expanded={open.has(g)}
            onClick={() =>
              setOpen((prev) => {
                const next = new Set(prev);
                if (next.has(g)) next.delete(g);
                else next.add(g);
                return next;
              })
            }
            data-testid={`prefs-group-open-${g}`}
          >
            {t('notifications.prefs.kindsOn', { on, total: kinds.length })}
            {open.has(g) ? <UpOutlined /> : <DownOutlined />}
          </Button>
        </legend>
        <div className="gj-pub-prefs-kinds" hidden={!open.has(g)}>
          {kinds.map((k) => (
            <Checkbox
              key={k}
              checked={!muted.has(k)}
              onChange={(e) => setKinds([k], e.target.checked)}
              data-testid={`prefs-kind-${k}`}
            >
              {t(`notifications.kinds.${k}`)}
            </Checkbox>
          ))}
        </div>
      </fieldset>
    );
  };

  return (
    <div data-testid="notification-prefs">
      <Typography.Paragraph type="secondary">{t('notifications.prefs.intro')}</Typography.Paragraph>
      {groups.map(group)}
      {saved.receivable.length > 0 && (
        <>
          <Typography.Title level={5} className="gj-section">
            {t('notifications.prefs.digest')}
          </Typography.Title>
          <Checkbox checked={digest} onChange={(e) => setDigest(e.target.checked)} data-testid="prefs-digest">
            {t('notifications.prefs.digestOn')}
          </Checkbox>
          <Typography.Paragraph type="secondary" className="gj-section">
            {t('notifications.prefs.digestNote')}
          </Typography.Paragraph>
        </>
      )}
      <Typography.Title level={5} className="gj-section">
        {t('notifications.prefs.channels')}
      </Typography.Title>
      <Checkbox.Group<Channel>
        value={channels}
        onChange={setChannels}
        options={CHANNELS.map((c) => ({ value: c, label: t(`notifications.channel.${c}`) }))}
        data-testid="prefs-channels"
      />
      <Alert
        className="gj-section"
        type="warning"
        showIcon
        icon={<InfoCircleOutlined />}
        title={t('notifications.prefs.channelsNote')}
        data-testid="prefs-channels-note"
      />
      <div className="gj-section-bar gj-section-bar-end">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={onSave}
          disabled={!changed}
          loading={save.isPending}
          data-testid="prefs-save"
        >
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}

/** Which kinds of notification to leave out of the bell, and other channels to receive them on. */
export function NotificationPrefsCard() {
  const prefs = useNotificationPrefs();
  if (prefs.error) return <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />;
  if (!prefs.data) return <Skeleton active />;
  return <PrefsForm key={prefs.dataUpdatedAt} saved={prefs.data} />;
}
