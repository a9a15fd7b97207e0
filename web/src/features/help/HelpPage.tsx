import { useQuery } from '@tanstack/react-query';
import { Button, Result, Skeleton, Tag, Typography } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { currentLocale, setLocale } from '../../lib/i18n';
import { QueryError } from '../../shared/QueryError';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import {
  GUIDE_PAGES,
  type GuideTarget,
  helpLink,
  imageUrl,
  isGuideTarget,
  loadGuide,
  OVERVIEW,
  pagesOf,
  ROLE_OF_PAGE,
} from './guide';

/**
 * A link in the guide: to another guide page inside the console (a link to the page's other
 * language switches the console's), elsewhere in a new tab.
 */
function GuideLink({ href, children }: ComponentProps<'a'>) {
  const link = helpLink(href);
  if (link) {
    const switchLanguage = () => {
      if (link.locale !== currentLocale()) void setLocale(link.locale);
    };
    return (
      <Link to={link.to} onClick={switchLanguage}>
        {children}
      </Link>
    );
  }
  const outside = href !== undefined && /^https?:/.test(href);
  return (
    <a href={href} {...(outside ? { target: '_blank', rel: 'noreferrer' } : {})}>
      {children}
    </a>
  );
}

/** A screenshot the browser tests took, from docs/guide/img. */
function GuideImage({ src, alt }: ComponentProps<'img'>) {
  return <img className="gj-help-img" src={imageUrl(src)} alt={alt ?? ''} loading="lazy" />;
}

const COMPONENTS = { a: GuideLink, img: GuideImage };

/** The pages of the guide: the overview, then every role's, the reader's own marked. */
function GuideNav({ current, mine }: { current: GuideTarget; mine: GuideTarget[] }) {
  const { t } = useTranslation();
  const entry = (target: GuideTarget, label: string) => (
    <li key={target}>
      <Link
        to={`/help/${target}`}
        aria-current={target === current ? 'page' : undefined}
        data-testid={`help-page-${target}`}
      >
        {label}
      </Link>
      {mine.includes(target) && <Tag className="gj-help-yours">{t('help.yours')}</Tag>}
    </li>
  );
  return (
    <nav className="gj-help-nav" aria-label={t('help.pages')}>
      <Typography.Text strong>{t('help.pages')}</Typography.Text>
      <ul>
        {entry(OVERVIEW, t('help.overview'))}
        {GUIDE_PAGES.map((page) => entry(page, t(`roles.${ROLE_OF_PAGE[page]}`)))}
      </ul>
    </nav>
  );
}

/** 用户指南: the reader's role's page of docs/guide (or the one asked for), in the console's language. */
export function HelpPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const asked = useParams().page;
  const mine = pagesOf(me);
  const target = asked === undefined ? (mine[0] ?? OVERVIEW) : isGuideTarget(asked) ? asked : undefined;
  const locale = currentLocale();
  useDocumentTitle(t('help.title'));
  const guide = useQuery({
    queryKey: ['guide', target, locale],
    queryFn: () => loadGuide(target ?? OVERVIEW, locale),
    enabled: target !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (target === undefined) {
    return (
      <Result
        status="404"
        title={t('help.notFound')}
        extra={
          <Link to="/help">
            <Button type="primary">{t('help.backToGuide')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <div className="gj-help">
      <GuideNav current={target} mine={mine} />
      <Typography
        component="article"
        className="gj-help-article"
        data-testid="help-article"
        data-page={target}
        lang={locale}
      >
        {guide.error && <QueryError error={guide.error} onRetry={() => void guide.refetch()} />}
        {guide.data === undefined && !guide.error && <Skeleton active />}
        {guide.data !== undefined && <Markdown components={COMPONENTS}>{guide.data}</Markdown>}
      </Typography>
    </div>
  );
}
