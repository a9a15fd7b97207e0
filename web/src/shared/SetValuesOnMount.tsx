import { Form } from 'antd';
import { useEffect } from 'react';

/**
 * Puts given values into the enclosing form once it is mounted. antd applies `initialValues`
 * only when a form's store is first filled, which a drawer opened straight away with given
 * values can miss (seen with the coverage page's "create" and a need's "make a project").
 */
export function SetValuesOnMount<T extends object>({ values }: { values: Partial<T> }) {
  const form = Form.useFormInstance<T>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per mount, with the values it was opened with
  useEffect(() => {
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, []);
  return null;
}
