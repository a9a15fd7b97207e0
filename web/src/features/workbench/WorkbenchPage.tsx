import { RightOutlined } from '@ant-design/icons';
import type { TodoGroup, Upcoming } from '@contract';
import { Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Shortcut, shortcutsFor } from '../../app/layout/navItems';
import { useAuth } from '../../lib/auth';
import { now, zoned } from '../../lib/time';
import { Panel } from '../../shared/Panel';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { RoleTag } from '../../shared/tags';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useWorkbench } from './api';
import { WeekOverview } from './WeekOverview';

/** The pages a member or resident opens most, shown as big tiles for a thumb; a unit's liaison, their unit's page. */
const QUICK: readonly Shortcut['name'][] = ['myUnit', 'myNeeds', 'myClaim', 'myRecord', 'projects'];

function QuickTiles({ tiles }: { tiles: Shortcut[] }) {
  const { t } = useTranslation();
  if (tiles.length === 0) return null;
  return (
    <nav className="gj-quick-tiles gj-section" aria-label={t('home.quick')} data-testid="home-quick">
      {tiles.map(({ path, name, icon: Icon }) => (
        <Link key={path} to={path} className="gj-quick-tile" data-testid={`quick-${name}`}>
          <Icon />
          <span>{t(`nav.${name}`)}</span>
        </Link>
      ))}
    </nav>
  );
}

/** "等了 3 天", or "今天" for what arrived today. */
function Age({ since }: { since: string }) {
  const { t } = useTranslation();
  const days = now().startOf('day').diff(zoned(since).startOf('day'), 'day');
  return (
    <span className={days >= 7 ? 'gj-todo-age gj-todo-age-old' : 'gj-todo-age'}>
      {days <= 0 ? t('workbench.today') : t('workbench.waited', { count: days })}
    </span>
  );
}

/** "06-30 到期", or "已超期" once past: a due date (a day) is past only when the day is over. */
function Due({ at }: { at: string }) {
  const { t } = useTranslation();
  const due = at.length === 10 ? zoned(at).endOf('day') : zoned(at);
  const late = due.isBefore(now());
  return (
    <span className={late ? 'gj-todo-age gj-todo-age-old' : 'gj-todo-age'}>
      {t(late ? 'workbench.overdue' : 'workbench.due', { date: due.format('MM-DD') })}
    </span>
  );
}

/** One kind of to-do: its name and count, its oldest items (each a link to where it is done), and a link to all. */
function TodoKindGroup({ group }: { group: TodoGroup }) {
  const { t } = useTranslation();
  return (
    <div className="gj-todo-group" data-testid={`todo-${group.kind}`}>
      <div className="gj-todo-head">
        <strong>{t(`workbench.kind.${group.kind}`)}</strong>
        <Tag color="red" className="gj-todo-count" data-testid={`todo-count-${group.kind}`}>
          {group.count}
        </Tag>
        <Link to={group.link} className="gj-todo-all">
          {t('workbench.all')} <RightOutlined />
        </Link>
      </div>
      <ul className="gj-list">
        {group.items.map((item) => (
          <li key={`${item.link}-${item.id}`}>
            <Link to={item.link} className="gj-todo-item" data-testid={`todo-item-${group.kind}-${item.id}`}>
              <span className="gj-todo-title">{item.title}</span>
              {item.place && <span className="gj-secondary">{item.place}</span>}
              {item.dueAt ? <Due at={item.dueAt} /> : <Age since={item.since} />}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function UpcomingRow({ item }: { item: Upcoming }) {
  const { t } = useTranslation();
  const start = zoned(item.startsAt);
  return (
    <Link to={item.link} className="gj-upcoming-item" data-testid={`upcoming-${item.kind}-${item.id}`}>
      <span className="gj-upcoming-when">
        <strong>{start.format('MM-DD')}</strong>
        <span className="gj-secondary">
          {start.format('HH:mm')}–{zoned(item.endsAt).format('HH:mm')}
        </span>
      </span>
      <span className="gj-upcoming-what">
        <Tag>{t(`workbench.upcomingKind.${item.kind}`)}</Tag>
        <span>{item.title}</span>
        {item.place && <span className="gj-secondary">{item.place}</span>}
      </span>
    </Link>
  );
}

/**
 * The home screen is the reader's workbench: what waits for them (oldest first, each one
 * click from its action) and what comes next. It leads the day rather than only recording it.
 */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { data, error, refetch } = useWorkbench();
  const tiles = QUICK.flatMap((name) => shortcutsFor(me).filter((s) => s.name === name));
  useDocumentTitle(t('nav.home'));
  const waiting = data?.todos.reduce((n, g) => n + g.count, 0) ?? 0;

  return (
    <>
      <Panel className="gj-welcome">
        <h1 className="gj-home-title">{t('home.welcome', { name: me.user.displayName })}</h1>
        <p className="gj-secondary" data-testid="workbench-summary">
          {data
            ? waiting > 0
              ? t('workbench.summary', { count: waiting })
              : t('workbench.nothing')
            : '\u00a0'}
        </p>
        <div className="gj-inline">
          {me.roles.map((role) => (
            <span key={role.id} className="gj-inline">
              <RoleTag role={role.role} />
              <span className="gj-secondary">{role.unitName ?? role.regionName}</span>
            </span>
          ))}
        </div>
      </Panel>
      <QuickTiles tiles={tiles} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div className="gj-workbench gj-section">
        <Panel title={t('workbench.todos')} data-testid="workbench-todos">
          {!data ? (
            <Skeleton active />
          ) : data.todos.length === 0 ? (
            <PlainList items={[]} rowKey={() => 0} render={() => null} empty={t('workbench.noTodos')} />
          ) : (
            data.todos.map((g) => <TodoKindGroup key={g.kind} group={g} />)
          )}
        </Panel>
        {/* Beside a long to-do list, not below it: the week's figures stay in sight. */}
        <div className="gj-workbench-side">
          <Panel title={t('workbench.upcoming')} data-testid="workbench-upcoming">
            {!data ? (
              <Skeleton active />
            ) : (
              <PlainList
                items={data.upcoming}
                rowKey={(u) => `${u.kind}-${u.id}`}
                empty={t('workbench.noUpcoming')}
                render={(u) => <UpcomingRow item={u} />}
              />
            )}
          </Panel>
          {data?.overview && <WeekOverview overview={data.overview} />}
        </div>
      </div>
    </>
  );
}
