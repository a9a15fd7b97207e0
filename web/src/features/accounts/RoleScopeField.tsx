import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { UnitSelect } from '../../shared/pickers/UnitSelect';

/**
 * Where a role applies: the unit for a unit contact, the region for every other role.
 * `prefix` is the name path of the role row (empty for a form that is one row).
 */
export function RoleScopeField({ prefix, label }: { prefix: (string | number)[]; label?: string }) {
  const { t } = useTranslation();
  const roleName = [...prefix, 'role'];
  return (
    <Form.Item noStyle dependencies={[roleName]}>
      {({ getFieldValue }) =>
        getFieldValue(roleName) === 'unit_contact' ? (
          <Form.Item
            name={[...prefix, 'unitId']}
            label={label && t('users.roleUnit')}
            rules={[{ required: true, message: t('units.required') }]}
          >
            <UnitSelect data-testid="role-unit" />
          </Form.Item>
        ) : (
          <Form.Item
            name={[...prefix, 'regionId']}
            label={label}
            rules={[{ required: true, message: t('regions.required') }]}
          >
            <RegionSelect />
          </Form.Item>
        )
      }
    </Form.Item>
  );
}
