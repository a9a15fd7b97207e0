import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../shared/useIsMobile';
import { SpecialtySelect } from '../members';
import { MAX_CAPACITY, MAX_SPECIALTIES, MAX_TASKS, newTask, type TaskValues, TIME } from './formValues';

/** The tasks every occurrence starts with (each occurrence's copy may then be changed there). */
export function TaskTemplateList() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <>
      <Typography.Title level={5}>{t('dedication.form.tasks')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dedication.form.tasksHint')}</Typography.Paragraph>
      <Form.List
        name="tasks"
        rules={[
          {
            validator: (_, tasks: TaskValues[] | undefined) =>
              tasks && tasks.length > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('dedication.form.tasksRequired'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="gj-subform gj-ded-item" data-testid={`dedication-task-${i}`}>
                <div className="gj-section-bar">
                  <strong>{t('dedication.form.taskN', { n: i + 1 })}</strong>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('dedication.form.removeTask')}
                      data-testid={`dedication-task-remove-${i}`}
                    />
                  )}
                </div>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('dedication.form.taskTitle')}
                    rules={[
                      { required: true, whitespace: true, message: t('dedication.form.taskTitleRequired') },
                      { min: 2, max: 60 },
                    ]}
                  >
                    <Input
                      placeholder={t('dedication.form.taskTitleHint')}
                      data-testid={`dedication-task-title-${i}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'place']}
                    label={t('dedication.form.taskPlace')}
                    rules={[{ max: 100 }]}
                  >
                    <Input
                      placeholder={t('dedication.form.taskPlaceHint')}
                      data-testid={`dedication-task-place-${i}`}
                    />
                  </Form.Item>
                </div>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'capacity']}
                    label={t('dedication.form.capacity')}
                    rules={[{ required: true, message: t('dedication.form.capacityRequired') }]}
                  >
                    <InputNumber<number>
                      min={1}
                      max={MAX_CAPACITY}
                      precision={0}
                      suffix={t('dedication.form.people')}
                      className="gj-fill"
                      data-testid={`dedication-task-capacity-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'specialties']} label={t('dedication.form.specialties')}>
                    <SpecialtySelect
                      multiple
                      allowClear
                      maxCount={MAX_SPECIALTIES}
                      placeholder={t('dedication.form.specialtiesHint')}
                      data-testid={`dedication-task-specialties-${i}`}
                    />
                  </Form.Item>
                </div>
                <div className="gj-form-pair">
                  <Form.Item
                    name={[field.name, 'startTime']}
                    label={t('dedication.form.taskStart')}
                    extra={t('dedication.form.taskTimeHint')}
                  >
                    <TimePicker
                      format={TIME}
                      minuteStep={5}
                      needConfirm={false}
                      inputReadOnly={isMobile}
                      className="gj-fill"
                      data-testid={`dedication-task-start-${i}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'endTime']}
                    label={t('dedication.form.taskEnd')}
                    dependencies={[['tasks', field.name, 'startTime']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, value: Dayjs | null | undefined) => {
                          const start: Dayjs | null | undefined = getFieldValue([
                            'tasks',
                            field.name,
                            'startTime',
                          ]);
                          return !value || !start || value.format(TIME) > start.format(TIME)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('dedication.form.endBeforeStart')));
                        },
                      }),
                    ]}
                  >
                    <TimePicker
                      format={TIME}
                      minuteStep={5}
                      needConfirm={false}
                      inputReadOnly={isMobile}
                      className="gj-fill"
                      data-testid={`dedication-task-end-${i}`}
                    />
                  </Form.Item>
                </div>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_TASKS && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add(newTask())}
                data-testid="dedication-task-add"
              >
                {t('dedication.form.addTask')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
