import type { Role } from '@contract';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionSelect } from '../regions';
import { useRoleOptions } from './roleOptions';

export type UserFilterValues = { q?: string; role?: Role; regionId?: number };

type Props = { value: UserFilterValues; onChange: (patch: Partial<UserFilterValues>) => void };

export function UserFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  const [draft, setDraft] = useState(value.q ?? '');
  return (
    <div className="gj-toolbar">
      <Input.Search
        className="gj-toolbar-grow"
        allowClear
        placeholder={t('users.searchPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="user-search"
      />
      <Select<Role>
        className="gj-toolbar-select"
        allowClear
        placeholder={t('users.role')}
        value={value.role}
        onChange={(role) => onChange({ role })}
        options={roleOptions}
      />
      <RegionSelect
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('users.region')}
        value={value.regionId}
        onChange={(regionId) => onChange({ regionId })}
      />
    </div>
  );
}
