import type { RegionKind } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { RegionSelect } from './pickers/RegionSelect';
import { SpecialtySelect } from './pickers/SpecialtySelect';
import { UnitSelect } from './pickers/UnitSelect';

type Keys<F, V> = { [K in keyof F]-?: NonNullable<F[K]> extends V ? K : never }[keyof F];

/** A choice among fixed values (a kind, a status): cleared unless `allowClear` is false. */
type ChoiceFilter<F, K extends keyof F> = {
  field: K;
  options: { value: NonNullable<F[K]>; label: string }[];
  placeholder?: string;
  /** Wider, for longer names. */
  wide?: boolean;
  allowClear?: false;
  disabled?: boolean;
  /** What else changes with it (e.g. one choice clears another); by default only the field. */
  patch?: (value: F[K]) => Partial<F>;
  testId?: string;
};

/** A record picked by name, searched on the server. */
type PickerFilter<F> =
  | { field: Keys<F, number>; picker: 'region'; placeholder: string; regionKind?: RegionKind }
  | { field: Keys<F, number>; picker: 'unit'; placeholder: string }
  | { field: Keys<F, string>; picker: 'specialty'; testId: string };

export type Filter<F> =
  | PickerFilter<F>
  | { [K in keyof F]-?: NonNullable<F[K]> extends string ? ChoiceFilter<F, K> : never }[keyof F];

type Props<F extends { q?: string }> = {
  value: F;
  onChange: (patch: Partial<F>) => void;
  /** The text search, sent when the user presses enter or the search button. */
  search: { placeholder: string; testId: string };
  /** The filters after the search, in order; a false one (not offered to this user) is left out. */
  filters: (Filter<F> | false)[];
};

/** A list's filters: a text search, then choices and pickers; each change patches the values. */
export function FilterBar<F extends { q?: string }>({ value, onChange, search, filters }: Props<F>) {
  const [draft, setDraft] = useState(value.q ?? '');
  // One field's change; F's fields are checked where the filters are declared.
  const set = (field: keyof F, next: unknown) => onChange({ [field]: next } as Partial<F>);
  const current = (field: keyof F) => value[field] as never;

  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={search.placeholder}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined } as Partial<F>)}
        data-testid={search.testId}
      />
      {filters.map((filter) => {
        if (!filter) return null;
        const key = String(filter.field);
        if (!('picker' in filter))
          return (
            <Select
              key={key}
              className={filter.wide ? 'gj-toolbar-select-wide' : 'gj-toolbar-select'}
              allowClear={filter.allowClear ?? true}
              placeholder={filter.placeholder}
              value={current(filter.field)}
              disabled={filter.disabled}
              onChange={(next) =>
                filter.patch ? onChange(filter.patch(next as never)) : set(filter.field, next)
              }
              options={filter.options}
              data-testid={filter.testId}
            />
          );
        if (filter.picker === 'specialty')
          return (
            <SpecialtySelect
              key={key}
              className="gj-toolbar-select"
              allowClear
              value={current(filter.field)}
              onChange={(next) => set(filter.field, next)}
              data-testid={filter.testId}
            />
          );
        const picker = {
          className: 'gj-toolbar-select-wide',
          allowClear: true,
          placeholder: filter.placeholder,
          value: current(filter.field),
          onChange: (next: number | undefined) => set(filter.field, next),
        };
        return filter.picker === 'region' ? (
          <RegionSelect key={key} {...picker} kind={filter.regionKind} />
        ) : (
          <UnitSelect key={key} {...picker} />
        );
      })}
    </div>
  );
}
