import { RightOutlined } from '@ant-design/icons';
import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Shortcut, shortcutsFor } from '../../app/layout/navItems';
import { useAuth } from '../../lib/auth';
import { Panel } from '../../shared/Panel';
import { PlainList } from '../../shared/PlainList';
import { RegionKindTag, RoleTag } from '../../shared/tags';
import { useDocumentTitle } from '../../shared/useDocumentTitle';

/** The pages a member or resident opens most, shown as big tiles for a thumb. */
const QUICK: readonly Shortcut['name'][] = ['myNeeds', 'myClaim', 'myRecord', 'projects'];

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

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const all = shortcutsFor(me);
  // The quick pages show as tiles; the list describes the rest.
  const tiles = QUICK.flatMap((name) => all.filter((s) => s.name === name));
  const shortcuts = all.filter((s) => !tiles.includes(s));
  useDocumentTitle(t('nav.home'));

  return (
    <>
      <Panel className="gj-welcome">
        <h1 className="gj-home-title">{t('home.welcome', { name: me.user.displayName })}</h1>
        <p className="gj-secondary">{t('home.intro')}</p>
      </Panel>
      <QuickTiles tiles={tiles} />
      <Row gutter={[16, 16]} className="gj-section">
        {shortcuts.length > 0 && (
          <Col xs={24} lg={{ span: 10, push: 14 }}>
            <Panel title={t('home.shortcuts')} data-testid="home-shortcuts">
              <PlainList
                items={shortcuts}
                rowKey={(s) => s.path}
                empty={t('common.empty')}
                render={({ path, name, icon: Icon }) => (
                  <Link to={path} className="gj-shortcut" data-testid={`shortcut-${name}`}>
                    <Icon />
                    <span className="gj-shortcut-text">
                      <strong>{t(`nav.${name}`)}</strong>
                      <span className="gj-secondary">{t(`home.about.${name}`)}</span>
                    </span>
                    <RightOutlined />
                  </Link>
                )}
              />
            </Panel>
          </Col>
        )}
        <Col xs={24} lg={shortcuts.length > 0 ? { span: 14, pull: 10 } : 24}>
          <Panel title={t('home.myRoles')}>
            <PlainList
              items={me.roles}
              rowKey={(role) => role.id}
              empty={t('home.noRoles')}
              render={(role) => (
                <div className="gj-role-line">
                  <RoleTag role={role.role} />
                  <span className="gj-role-region">
                    {role.unitName ? (
                      <>
                        <Tag>{t('units.unit')}</Tag>
                        {role.unitName}
                      </>
                    ) : (
                      <>
                        <RegionKindTag kind={role.regionKind} />
                        {role.regionName}
                      </>
                    )}
                  </span>
                </div>
              )}
            />
          </Panel>
        </Col>
      </Row>
    </>
  );
}
