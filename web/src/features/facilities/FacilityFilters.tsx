import { FilterOutlined } from '@ant-design/icons';
import { FACILITY_KINDS, FACILITY_SUB_KINDS, type FacilityKind } from '@contract';
import { Badge, Button, DatePicker, Input, InputNumber, Select, Switch, TimePicker } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day, today } from '../../lib/time';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { useIsMobile } from '../../shared/useIsMobile';
import type { FacilitySubKind } from './api';
import { atTime, DAY, TIME } from './time';

export type FacilityFilterValues = {
  q?: string;
  kind?: FacilityKind;
  subKind?: FacilitySubKind;
  regionId?: number;
  minCapacity?: number;
  /** A free slot: the day, and "HH:mm" start and end. */
  freeDate?: string;
  freeStart?: string;
  freeEnd?: string;
  managed?: boolean;
};
type Patch = Partial<Record<keyof FacilityFilterValues, string | number | undefined>>;

type Props = {
  value: FacilityFilterValues;
  onChange: (patch: Patch) => void;
  /** Offer "only those I keep". */
  canManage: boolean;
};

/** Where a day is picked without hours, the morning is asked about. */
const DEFAULT_START = '09:00';
const DEFAULT_END = '11:00';

export function FacilityFilters({ value, onChange, canManage }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value.q ?? '');
  const freeDay = value.freeDate ? day(value.freeDate) : null;
  const base = freeDay ?? day();
  const range: [Dayjs, Dayjs] | null =
    value.freeStart && value.freeEnd ? [atTime(base, value.freeStart), atTime(base, value.freeEnd)] : null;
  const active = [
    value.kind,
    value.subKind,
    value.regionId,
    value.minCapacity,
    value.freeDate,
    value.managed || undefined,
  ].filter((v) => v !== undefined).length;
  // On a phone the filters beyond the search fold away, so the facilities show first.
  const isMobile = useIsMobile();
  const [unfolded, setUnfolded] = useState(active > 0);
  const search = (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('facilities.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onChange({ q: q.trim() || undefined })}
      data-testid="facility-search"
    />
  );
  if (isMobile && !unfolded) {
    return (
      <div className="gj-toolbar">
        <span className="gj-fac-filters-toggle">
          {search}
          <Button
            icon={<FilterOutlined />}
            onClick={() => setUnfolded(true)}
            data-testid="facility-filters-toggle"
          >
            {t('facilities.moreFilters')}
            {active > 0 && <Badge count={active} size="small" />}
          </Button>
        </span>
      </div>
    );
  }
  return (
    <div className="gj-toolbar">
      {search}
      <Select<FacilityKind>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('facilities.kindLabel')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={FACILITY_KINDS.map((k) => ({ value: k, label: t(`facilities.kind.${k}`) }))}
        data-testid="facility-kind-filter"
      />
      <Select<FacilitySubKind>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('facilities.subKindLabel')}
        value={value.subKind}
        onChange={(subKind) => onChange({ subKind })}
        options={FACILITY_SUB_KINDS.map((s) => ({ value: s, label: t(`facilities.subKind.${s}`) }))}
        data-testid="facility-sub-kind-filter"
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        kinds={['street', 'community']}
        allowClear
        placeholder={t('facilities.regionFilter')}
        value={value.regionId}
        onChange={(regionId) => onChange({ regionId })}
        data-testid="facility-region-filter"
      />
      <InputNumber<number>
        className="gj-toolbar-select"
        min={1}
        max={10_000}
        precision={0}
        placeholder={t('facilities.minCapacity')}
        value={value.minCapacity ?? null}
        onChange={(minCapacity) => onChange({ minCapacity: minCapacity ?? undefined })}
        data-testid="facility-capacity-filter"
      />
      <span className="gj-fac-free-filter" data-testid="facility-free-filter">
        <span className="gj-fac-free-label">{t('facilities.freeSlot')}</span>
        <DatePicker
          value={freeDay}
          placeholder={t('facilities.freeDate')}
          inputReadOnly
          disabledDate={(d) => d.isBefore(day(), 'day')}
          onChange={(d: Dayjs | null) =>
            onChange(
              d
                ? {
                    freeDate: d.format(DAY),
                    freeStart: value.freeStart ?? DEFAULT_START,
                    freeEnd: value.freeEnd ?? DEFAULT_END,
                  }
                : { freeDate: undefined, freeStart: undefined, freeEnd: undefined },
            )
          }
          data-testid="facility-free-date"
        />
        <TimePicker.RangePicker
          format={TIME}
          minuteStep={15}
          needConfirm={false}
          inputReadOnly
          order
          value={range}
          placeholder={[t('facilities.from'), t('facilities.to')]}
          onChange={(next) => {
            const [from, to] = (next ?? []) as [Dayjs | null, Dayjs | null];
            onChange({
              freeStart: from?.format(TIME),
              freeEnd: to?.format(TIME),
              // Hours without a day ask about today.
              freeDate: from && to ? (value.freeDate ?? today()) : value.freeDate,
            });
          }}
          data-testid="facility-free-time"
        />
      </span>
      {canManage && (
        <span className="gj-switch">
          <Switch
            id="facility-managed-only"
            size="small"
            checked={value.managed ?? false}
            onChange={(managed) => onChange({ managed: managed ? 'true' : undefined })}
            data-testid="facility-managed-filter"
          />
          <label htmlFor="facility-managed-only">{t('facilities.onlyMine')}</label>
        </span>
      )}
    </div>
  );
}
