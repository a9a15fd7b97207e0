import type { ProjectRole } from '@contract';
import { Descriptions, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useClaimRole } from './api';
import { projectTime, roleLabel } from './RoleSlots';

export type ClaimTarget = {
  project: { id: number; title: string; regionName: string };
  role: ProjectRole;
  /** Who may still claim the role (unless told: oneself if a person, one's unit if a contact). */
  allow?: { self: boolean; unit: boolean };
  /** The teams the reader leads that may still claim the role for the team. */
  teams?: readonly { id: number; name: string }[];
};

type ClaimFor = 'self' | 'unit' | 'team';

/** The unit a unit contact may claim for, if any. */
export function useClaimUnit() {
  const { me } = useAuth();
  const contact = me.roles.find((r) => r.role === 'unit_contact' && r.unitId !== null);
  return contact ? { id: contact.unitId as number, name: contact.unitName ?? '' } : undefined;
}

/**
 * The second tap of a claim: what is being taken, then "confirm". A member takes one slot;
 * a unit's contact may take several for the unit. A sheet from the bottom on a phone.
 */
export function ClaimSheet({ target, onClose }: { target: ClaimTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const feedback = useFeedback();
  const claim = useClaimRole();
  const shown = useLastDefined(target);
  const contactUnit = useClaimUnit();
  const canSelf = me.user.personId !== null && (shown?.allow?.self ?? true);
  const unit = shown?.allow?.unit === false ? undefined : contactUnit;
  const teams = shown?.teams ?? [];
  const firstFor: ClaimFor = canSelf ? 'self' : unit ? 'unit' : teams.length > 0 ? 'team' : 'self';
  const [claimFor, setClaimFor] = useState<ClaimFor>(firstFor);
  const [teamId, setTeamId] = useState<number | undefined>(teams[0]?.id);
  const [slots, setSlots] = useState(1);
  const free = shown ? Math.max(shown.role.slots - shown.role.claimed, 0) : 0;
  const team = teams.find((x) => x.id === teamId);

  useEffect(() => {
    if (target) {
      setClaimFor(firstFor);
      setTeamId(target.teams?.[0]?.id);
      setSlots(1);
    }
  }, [target, firstFor]);

  const confirm = () => {
    if (!target) return;
    const { project, role } = target;
    const as =
      claimFor === 'unit'
        ? { forUnit: true, slots }
        : claimFor === 'team' && teamId !== undefined
          ? { teamId, slots }
          : {};
    claim.mutate(
      { projectId: project.id, roleId: role.id, ...as },
      {
        onSuccess: (made) => {
          feedback.success(
            t('claims.claimed', {
              role: roleLabel(t, made.roleKind, made.roleName),
              project: made.projectTitle,
            }),
          );
          onClose();
        },
        // A full role answers 409 with the server's words.
        onError: feedback.error,
      },
    );
  };

  const body = shown && (
    <div className="gj-stack gj-gap" data-testid="claim-sheet">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'project', label: t('claims.project'), children: shown.project.title },
          { key: 'role', label: t('claims.role'), children: roleLabel(t, shown.role.kind, shown.role.name) },
          { key: 'where', label: t('projects.region'), children: shown.project.regionName },
          { key: 'time', label: t('projects.time'), children: projectTime(shown.role) },
          {
            key: 'hours',
            label: t('projects.hoursPerSlot'),
            children: t('projects.hoursValue', { hours: shown.role.hoursPerSlot }),
          },
          { key: 'free', label: t('claims.freeSlots'), children: free },
        ]}
      />
      {(unit || teams.length > 0) && (
        <Radio.Group
          value={claimFor}
          onChange={(e) => setClaimFor(e.target.value as ClaimFor)}
          options={[
            ...(canSelf ? [{ value: 'self', label: t('claims.forMe') }] : []),
            ...(unit ? [{ value: 'unit', label: t('claims.forUnit', { unit: unit.name }) }] : []),
            ...(teams.length > 0
              ? [
                  {
                    value: 'team',
                    label:
                      teams.length === 1
                        ? t('teams.claimForTeam', { team: teams[0]!.name })
                        : t('teams.claimForATeam'),
                  },
                ]
              : []),
          ]}
          data-testid="claim-for"
        />
      )}
      {claimFor === 'team' && teams.length > 1 && (
        <Select<number>
          className="gj-fill"
          value={teamId}
          onChange={setTeamId}
          options={teams.map((x) => ({ value: x.id, label: x.name }))}
          aria-label={t('teams.claimTeam')}
          data-testid="claim-team"
        />
      )}
      {claimFor === 'team' && team && (
        <Typography.Text type="secondary">{t('teams.claimTeamHint', { team: team.name })}</Typography.Text>
      )}
      {claimFor !== 'self' && (
        <span className="gj-inline">
          <label htmlFor="claim-slots">{t('claims.slotsForUnit')}</label>
          <InputNumber<number>
            id="claim-slots"
            min={1}
            max={Math.max(1, Math.min(free, 100))}
            precision={0}
            value={slots}
            onChange={(v) => setSlots(v ?? 1)}
            data-testid="claim-slots"
          />
        </span>
      )}
      <Typography.Text type="secondary">{t('claims.withdrawHint')}</Typography.Text>
    </div>
  );

  return (
    <ConfirmSheet
      open={target !== null}
      onClose={onClose}
      title={t('claims.confirmTitle')}
      okText={t('claims.confirm')}
      onOk={confirm}
      loading={claim.isPending}
      okTestId="claim-confirm"
    >
      {body}
    </ConfirmSheet>
  );
}
