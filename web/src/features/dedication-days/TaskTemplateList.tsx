import { Form, Input, InputNumber, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from '../../lib/time';
import { SpecialtySelect } from '../../shared/pickers/SpecialtySelect';
import { SubFormList } from '../../shared/SubFormList';
import { useIsMobile } from '../../shared/useIsMobile';
import { MAX_CAPACITY, MAX_SPECIALTIES, MAX_TASKS, newTask, TIME } from './formValues';

/** The tasks every occurrence starts with (each occurrence's copy may then be changed there). */
export function TaskTemplateList() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <>
      <Typography.Title level={5}>{t('dedication.form.tasks')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dedication.form.tasksHint')}</Typography.Paragraph>
      <SubFormList
        name="tasks"
        requiredMessage={t('dedication.form.tasksRequired')}
        title={(n) => t('dedication.form.taskN', { n })}
        removeLabel={t('dedication.form.removeTask')}
        addLabel={t('dedication.form.addTask')}
        max={MAX_TASKS}
        newItem={newTask}
        testIds={{ item: 'dedication-task', remove: 'dedication-task-remove', add: 'dedication-task-add' }}
        itemClassName="gj-ded-item"
      >
        {(field, i) => (
          <>
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
          </>
        )}
      </SubFormList>
    </>
  );
}
