import { SearchOutlined } from '@ant-design/icons';
import { Button, Drawer, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HitLabel } from './SearchBox';
import { SearchStatus } from './SearchStatus';
import { SEARCH_MAX, useSearchText } from './useSearchText';

/** The results as a phone shows them: a list per kind, each result a link to its page. */
function SearchList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const search = useSearchText();
  return (
    <div className="gj-search-panel" data-testid="search-panel">
      <Input
        type="search"
        size="large"
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        maxLength={SEARCH_MAX}
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
        autoFocus
        data-testid="search-input"
      />
      <div aria-live="polite">
        {search.state === 'idle' && <p className="gj-secondary gj-search-status">{t('search.hint')}</p>}
        <SearchStatus state={search.state} typed={search.typed} error={search.error} />
      </div>
      {search.groups.map((g) => {
        const kind = t(`search.kinds.${g.kind}`);
        return (
          <section key={g.kind} className="gj-search-section" aria-labelledby={`search-kind-${g.kind}`}>
            <h2
              id={`search-kind-${g.kind}`}
              className="gj-search-group"
              data-testid={`search-group-${g.kind}`}
            >
              {kind}
            </h2>
            <ul className="gj-search-items">
              {g.items.map((hit) => (
                <li key={hit.id}>
                  <Link to={hit.link} className="gj-search-link" onClick={onNavigate}>
                    <HitLabel kind={g.kind} hit={hit} />
                  </Link>
                </li>
              ))}
            </ul>
            {g.more && g.link && (
              <Link
                to={g.link}
                className="gj-search-link gj-search-more"
                onClick={onNavigate}
                data-testid={`search-more-${g.kind}`}
              >
                {t('search.more', { kind })}
              </Link>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The header's search on a phone: an icon that opens the search over the whole screen. */
export function SearchSheet() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.open')}
        onClick={() => setOpen(true)}
        data-testid="search-open"
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="top"
        size="100%"
        title={t('search.title')}
        className="gj-search-sheet"
        destroyOnHidden
      >
        <SearchList onNavigate={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
