import { ApartmentOutlined, AuditOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import type { Action } from '@contract';
import { Card, Col, Empty, List, Row, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../shared/PageHeader';
import { RegionKindTag, RoleTag } from '../../shared/tags';

const SHORTCUTS: {
  path: string;
  name: 'regions' | 'users' | 'audit';
  icon: ComponentType;
  action: Action;
}[] = [
  { path: '/regions', name: 'regions', icon: ApartmentOutlined, action: 'region.read' },
  { path: '/users', name: 'users', icon: TeamOutlined, action: 'user.read' },
  { path: '/audit', name: 'audit', icon: AuditOutlined, action: 'audit.read' },
];

export function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const shortcuts = SHORTCUTS.filter((s) => can(s.action));

  return (
    <>
      <PageHeader title={t('nav.home')} />
      <Card className="gj-welcome">
        <Typography.Title level={3}>{t('home.welcome', { name: me.user.displayName })}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]} className="gj-section">
        <Col xs={24} lg={14}>
          <Card title={t('home.myRoles')}>
            <List
              dataSource={me.roles}
              locale={{
                emptyText: <Empty description={t('home.noRoles')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
              }}
              renderItem={(role) => (
                <List.Item>
                  <RoleTag role={role.role} />
                  <span className="gj-role-region">
                    <RegionKindTag kind={role.regionKind} />
                    {role.regionName}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {shortcuts.length > 0 && (
          <Col xs={24} lg={10}>
            <Card title={t('home.shortcuts')}>
              <List
                dataSource={shortcuts}
                renderItem={({ path, name, icon: Icon }) => (
                  <List.Item>
                    <Link to={path} className="gj-shortcut">
                      <Icon />
                      <span className="gj-shortcut-text">
                        <strong>{t(`nav.${name}`)}</strong>
                        <Typography.Text type="secondary">{t(`home.about.${name}`)}</Typography.Text>
                      </span>
                      <RightOutlined />
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
