import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  /** The form's list field. */
  name: string;
  /** The error when the list is left empty: at least one item is asked for. */
  requiredMessage: string;
  /** Each item's heading, from its number (1, 2, …). */
  title: (n: number) => string;
  removeLabel: string;
  addLabel: string;
  /** At most this many items. */
  max: number;
  /** Whether more may be added at all (e.g. a single lecture has one session). */
  canAdd?: boolean;
  /** The values of an added item, asked for when it is added. */
  newItem: () => unknown;
  /** Test ids: `${item}-${i}` on each item, `${remove}-${i}` on its remove button, `add`. */
  testIds: { item: string; remove: string; add: string };
  /** More classes of each item (its layout). */
  itemClassName?: string;
  /** An item's fields, named under `field.name`. */
  children: (field: FormListFieldData, i: number) => ReactNode;
};

/**
 * A list of sub-forms (a project's roles, a course's sessions): each item under a numbered
 * heading with a remove button while there is more than one, an error when the list is
 * empty, and a button that adds one.
 */
export function SubFormList({
  name,
  requiredMessage,
  title,
  removeLabel,
  addLabel,
  max,
  canAdd = true,
  newItem,
  testIds,
  itemClassName,
  children,
}: Props) {
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: (_, items: unknown[] | undefined) =>
            items && items.length > 0 ? Promise.resolve() : Promise.reject(new Error(requiredMessage)),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <div
              key={field.key}
              className={itemClassName ? `gj-subform ${itemClassName}` : 'gj-subform'}
              data-testid={`${testIds.item}-${i}`}
            >
              <div className="gj-section-bar">
                <strong>{title(i + 1)}</strong>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={removeLabel}
                    data-testid={`${testIds.remove}-${i}`}
                  />
                )}
              </div>
              {children(field, i)}
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {canAdd && fields.length < max && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add(newItem())}
              data-testid={testIds.add}
            >
              {addLabel}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
