import { ApartmentOutlined, AuditOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import type { Action } from '@contract';
import { Card, Col, Row, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { PlainList } from '../../shared/PlainList';
import { RegionKindTag, RoleTag } from '../../shared/tags';
import { useDocumentTitle } from '../../shared/useDocumentTitle';

type Shortcut = { path: string; name: 'regions' | 'users' | 'audit'; icon: ComponentType; action: Action };

const SHORTCUTS: Shortcut[] = [
  { path: '/regions', name: 'regions', icon: ApartmentOutlined, action: 'region.read' },
  { path: '/users', name: 'users', icon: TeamOutlined, action: 'user.read' },
  { path: '/audit', name: 'audit', icon: AuditOutlined, action: 'audit.read' },
];

export function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const shortcuts = SHORTCUTS.filter((s) => can(s.action));
  useDocumentTitle(t('nav.home'));

  return (
    <>
      <Card className="gj-welcome">
        <Typography.Title level={3}>{t('home.welcome', { name: me.user.displayName })}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]} className="gj-section">
        <Col xs={24} lg={14}>
          <Card title={t('home.myRoles')}>
            <PlainList
              items={me.roles}
              rowKey={(role) => role.id}
              empty={t('home.noRoles')}
              render={(role) => (
                <div className="gj-role-line">
                  <RoleTag role={role.role} />
                  <span className="gj-role-region">
                    <RegionKindTag kind={role.regionKind} />
                    {role.regionName}
                  </span>
                </div>
              )}
            />
          </Card>
        </Col>
        {shortcuts.length > 0 && (
          <Col xs={24} lg={10}>
            <Card title={t('home.shortcuts')}>
              <PlainList
                items={shortcuts}
                rowKey={(s) => s.path}
                empty={t('common.empty')}
                render={({ path, name, icon: Icon }) => (
                  <Link to={path} className="gj-shortcut">
                    <Icon />
                    <span className="gj-shortcut-text">
                      <strong>{t(`nav.${name}`)}</strong>
                      <Typography.Text type="secondary">{t(`home.about.${name}`)}</Typography.Text>
                    </span>
                    <RightOutlined />
                  </Link>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
