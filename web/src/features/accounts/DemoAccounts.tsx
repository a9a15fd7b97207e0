import type { Role } from '@contract';
import { Button, Divider } from 'antd';
import { useTranslation } from 'react-i18next';

export const DEMO_PASSWORD = 'gongjian-demo';

/** The demo seed's accounts, one per role (see SPEC "Demo mode"). */
const DEMO_ACCOUNTS: { username: string; role: Role }[] = [
  { username: 'district_admin', role: 'district_admin' },
  { username: 'street_admin', role: 'street_admin' },
  { username: 'community_worker', role: 'community_worker' },
  { username: 'unit_contact', role: 'unit_contact' },
  { username: 'member', role: 'party_member' },
  { username: 'resident', role: 'resident' },
  { username: 'lecturer', role: 'lecturer' },
];

export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="gj-demo" aria-label={t('auth.demo.title')}>
      <Divider plain>{t('auth.demo.title')}</Divider>
      <p className="gj-secondary gj-demo-hint">{t('auth.demo.hint', { password: DEMO_PASSWORD })}</p>
      <div className="gj-demo-grid">
        {DEMO_ACCOUNTS.map(({ username, role }) => (
          <Button
            key={username}
            className="gj-demo-account"
            onClick={() => onPick(username, DEMO_PASSWORD)}
            data-testid={`demo-account-${username}`}
          >
            <span className="gj-demo-role">{t(`roles.${role}`)}</span>
            <span className="gj-demo-username">{username}</span>
          </Button>
        ))}
      </div>
    </section>
  );
}
