import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from '../../lib/time';
import { useIsMobile } from '../../shared/useIsMobile';
import { DAY, type DedicationFormValues, MAX_EXCEPTIONS, newException } from './formValues';

/** The dates the rule gives that are called off, or moved to another date, each with a reason. */
export function ExceptionList() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <>
      <Typography.Title level={5}>{t('dedication.form.exceptions')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dedication.form.exceptionsHint')}</Typography.Paragraph>
      <Form.List name="exceptions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div
                key={field.key}
                className="gj-subform gj-ded-item"
                data-testid={`dedication-exception-${i}`}
              >
                <div className="gj-section-bar">
                  <strong>{t('dedication.form.exceptionN', { n: i + 1 })}</strong>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('dedication.form.removeException')}
                    data-testid={`dedication-exception-remove-${i}`}
                  />
                </div>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'date']}
                    label={t('dedication.form.exceptionDate')}
                    rules={[{ required: true, message: t('dedication.form.exceptionDateRequired') }]}
                  >
                    <DatePicker
                      format={DAY}
                      className="gj-fill"
                      inputReadOnly={isMobile}
                      data-testid={`dedication-exception-date-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'action']} label={t('dedication.form.exceptionAction')}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'cancel', label: t('dedication.form.cancelDate') },
                        { value: 'move', label: t('dedication.form.moveDate') },
                      ]}
                      data-testid={`dedication-exception-action-${i}`}
                    />
                  </Form.Item>
                </div>
                <Form.Item
                  noStyle
                  shouldUpdate={(prev: DedicationFormValues, next: DedicationFormValues) =>
                    prev.exceptions?.[field.name]?.action !== next.exceptions?.[field.name]?.action
                  }
                >
                  {({ getFieldValue }) =>
                    getFieldValue(['exceptions', field.name, 'action']) === 'move' && (
                      <Form.Item
                        name={[field.name, 'movedTo']}
                        label={t('dedication.form.movedTo')}
                        dependencies={[['exceptions', field.name, 'date']]}
                        rules={[
                          { required: true, message: t('dedication.form.movedToRequired') },
                          {
                            validator: (_, value: Dayjs | null | undefined) => {
                              const date: Dayjs | undefined = getFieldValue([
                                'exceptions',
                                field.name,
                                'date',
                              ]);
                              return !value || !date || !value.isSame(date, 'day')
                                ? Promise.resolve()
                                : Promise.reject(new Error(t('dedication.form.movedToSame')));
                            },
                          },
                        ]}
                      >
                        <DatePicker
                          format={DAY}
                          className="gj-fill"
                          inputReadOnly={isMobile}
                          data-testid={`dedication-exception-moved-${i}`}
                        />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reason']}
                  label={t('dedication.form.reason')}
                  rules={[{ max: 200 }]}
                >
                  <Input
                    placeholder={t('dedication.form.reasonHint')}
                    data-testid={`dedication-exception-reason-${i}`}
                  />
                </Form.Item>
              </div>
            ))}
            {fields.length < MAX_EXCEPTIONS && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add(newException())}
                className="gj-block-gap"
                data-testid="dedication-exception-add"
              >
                {t('dedication.form.addException')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
