import type { Specialty } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { currentLocale } from '../lib/i18n';

/** The managed list of specialties; it changes rarely. */
export function useSpecialties() {
  return useQuery({
    queryKey: ['specialties'],
    queryFn: () => api.get<Specialty[]>('/specialties'),
    staleTime: 60 * 60_000,
  });
}

/** A specialty's name in the current language; an unknown code shows as itself. */
export function useSpecialtyLabel() {
  useTranslation();
  const { data } = useSpecialties();
  const zh = currentLocale() === 'zh-CN';
  return (code: string) => {
    const specialty = data?.find((s) => s.code === code);
    if (!specialty) return code;
    return zh ? specialty.nameZh : specialty.nameEn;
  };
}
