import type { ProjectRole } from '@contract';
import { Progress, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { now, zoned } from '../../lib/time';
import { RoleKindTag } from '../../shared/tags';

/** "3/5": slots claimed of all, with a small bar; green once full. */
export function SlotsBar({ claimed, slots }: { claimed: number; slots: number }) {
  const { t } = useTranslation();
  const full = slots > 0 && claimed >= slots;
  return (
    <span className="gj-slots">
      <Progress
        percent={slots > 0 ? Math.round((Math.min(claimed, slots) / slots) * 100) : 0}
        size="small"
        showInfo={false}
        strokeColor={full ? '#52c41a' : '#c8102e'}
        status="normal"
      />
      <Typography.Text type="secondary" className="gj-nowrap">
        {t('projects.slotsOf', { claimed, slots })}
      </Typography.Text>
    </span>
  );
}

/** A role's name and, under it, how many of its slots are taken. */
export function RoleSlots({ roles }: { roles: readonly ProjectRole[] }) {
  const { t } = useTranslation();
  return (
    <ul className="gj-role-slots">
      {roles.map((r) => (
        <li key={r.id}>
          <span className="gj-role-slots-name">{roleLabel(t, r.kind, r.name)}</span>
          <SlotsBar claimed={r.claimed} slots={r.slots} />
        </li>
      ))}
    </ul>
  );
}

/** "05-16 09:00–12:00", or with the end's date when it ends on another day. */
export function projectTime(p: { startsAt: string; endsAt: string }) {
  const start = zoned(p.startsAt);
  const end = zoned(p.endsAt);
  const startFormat = start.isSame(now(), 'year') ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm';
  return `${start.format(startFormat)}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : startFormat)}`;
}

/** A role's name, with its canonical kind beside it unless the name already says it. */
export function RoleTitle({
  role,
  className,
}: {
  role: Pick<ProjectRole, 'kind' | 'name'>;
  className?: string;
}) {
  const { t } = useTranslation();
  // A canonical role without a name of its own reads as its kind; a named one shows both.
  const showKind = role.kind !== 'custom' && role.name !== '';
  return (
    <span className="gj-inline">
      <strong className={className}>{roleLabel(t, role.kind, role.name)}</strong>
      {showKind && <RoleKindTag kind={role.kind} />}
    </span>
  );
}

/** The name to show for a role: the organiser's own, or the kind's name in the current language. */
export const roleLabel = (t: TFunction, kind: ProjectRole['kind'], name: string) =>
  name || t(`roleKind.${kind}`);
