import { SearchOutlined } from '@ant-design/icons';
import type { SearchGroup, SearchHit } from '@contract';
import { AutoComplete, type GetRef, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SearchStatus } from './SearchStatus';
import { SEARCH_MAX, useSearchText } from './useSearchText';

type Option = { value: string; link: string; label: React.ReactNode; 'aria-label': string };

/** A hit as the dropdown and the phone's list show it: its name, and where or whose it is. */
export function HitLabel({ kind, hit }: { kind: SearchGroup['kind']; hit: SearchHit }) {
  return (
    <span className="gj-search-hit" data-testid={`search-hit-${kind}-${hit.id}`}>
      <span className="gj-search-hit-title">{hit.title}</span>
      {hit.subtitle && <span className="gj-secondary gj-search-hit-sub">{hit.subtitle}</span>}
    </span>
  );
}

/**
 * The header's search on a desk: a box whose dropdown groups what it finds by kind. Arrow keys
 * move through the results, Enter opens one (the first, unless another is chosen), Escape
 * closes the list; each result leads to its page.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearchText();
  const [open, setOpen] = useState(false);
  const box = useRef<GetRef<typeof AutoComplete>>(null);

  const options = search.groups.map((g) => {
    const kind = t(`search.kinds.${g.kind}`);
    const hits: Option[] = g.items.map((hit) => ({
      value: `${g.kind}:${hit.id}`,
      link: hit.link,
      label: <HitLabel kind={g.kind} hit={hit} />,
      'aria-label': [kind, hit.title, hit.subtitle].filter(Boolean).join(' · '),
    }));
    if (g.more && g.link)
      hits.push({
        value: `${g.kind}:all`,
        link: g.link,
        label: (
          <span className="gj-search-more" data-testid={`search-more-${g.kind}`}>
            {t('search.more', { kind })}
          </span>
        ),
        'aria-label': t('search.more', { kind }),
      });
    return {
      key: g.kind,
      label: (
        <span className="gj-search-group" data-testid={`search-group-${g.kind}`}>
          {kind}
        </span>
      ),
      options: hits,
    };
  });
  const links = new Map(options.flatMap((g) => g.options.map((o) => [o.value, o.link] as const)));

  const follow = (link: string) => {
    search.setText('');
    setOpen(false);
    box.current?.blur();
    navigate(link);
  };

  return (
    <AutoComplete
      ref={box}
      className="gj-search"
      value={search.text}
      options={options}
      // Choosing a result puts its value in the box before onSelect: the box keeps the text.
      onChange={(value) => {
        if (!links.has(value)) search.setText(value);
      }}
      onSelect={(value: string) => {
        const link = links.get(value);
        if (link) follow(link);
      }}
      open={open && search.state !== 'idle'}
      onOpenChange={setOpen}
      defaultActiveFirstOption
      popupMatchSelectWidth={380}
      notFoundContent={<SearchStatus state={search.state} typed={search.typed} error={search.error} />}
    >
      <Input
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        maxLength={SEARCH_MAX}
        onFocus={() => setOpen(true)}
        data-testid="search-input"
      />
    </AutoComplete>
  );
}
