import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import type { SearchState } from './useSearchText';

/** The line shown instead of results: searching, nothing found, or what went wrong. */
export function SearchStatus({ state, typed, error }: { state: SearchState; typed: string; error: unknown }) {
  const { t } = useTranslation();
  if (state === 'loading')
    return (
      <div className="gj-search-status" data-testid="search-loading">
        <Spin size="small" /> {t('search.loading')}
      </div>
    );
  if (state === 'none')
    return (
      <div className="gj-search-status gj-secondary" data-testid="search-none">
        {t('search.none', { q: typed })}
      </div>
    );
  if (state === 'error')
    return (
      <div className="gj-search-status gj-secondary" role="alert">
        {errorMessage(error)}
      </div>
    );
  return null;
}
