import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleScopeField } from './RoleScopeField';
import { useRoleOptions } from './roleOptions';

/** The `roles` list of a new user: each row a role and the region (or unit) it applies to. */
export function RoleRows() {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <div key={key} className="gj-role-row">
              <Form.Item name={[name, 'role']} rules={[{ required: true, message: t('users.roleRequired') }]}>
                <Select options={roleOptions} placeholder={t('users.role')} />
              </Form.Item>
              <RoleScopeField prefix={[name]} />
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                onClick={() => remove(name)}
                aria-label={t('common.remove')}
              />
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
            {t('users.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
