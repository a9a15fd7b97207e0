import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useNominate } from './api';

const MAX_STATEMENT = 1000;

type Values = { statement: string };
type Candidate = { id: number; name: string };

type Props = {
  evaluationId: number;
  /** The candidate to put forward; none closes the drawer. */
  candidate: Candidate | null;
  onClose: () => void;
};

/** A street puts a candidate forward with its reasons (事迹); the district reviews it. */
export function NominateDrawer({ evaluationId, candidate, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const nominate = useNominate();
  const feedback = useFeedback();
  const shown = useLastDefined(candidate);

  const onFinish = ({ statement }: Values) => {
    if (!candidate) return;
    nominate.mutate(
      { id: evaluationId, subjectId: candidate.id, statement: statement.trim() },
      {
        onSuccess: () => {
          feedback.success(t('evaluations.nominated', { name: candidate.name }));
          form.resetFields();
          onClose();
        },
        // The quota used up, already nominated, not this street's: the server says which.
        onError: (error) => feedback.formError(form, error, ['statement']),
      },
    );
  };

  return (
    <FormDrawer
      open={candidate !== null}
      onClose={onClose}
      title={t('evaluations.nominateTitle', { name: shown?.name ?? '' })}
      onSubmit={() => form.submit()}
      submitting={nominate.isPending}
      submitLabel={t('evaluations.nominateSubmit')}
      submitTestId="nomination-submit"
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('evaluations.nominateHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="nomination-form">
        <Form.Item
          name="statement"
          label={t('evaluations.statement')}
          rules={[
            { required: true, whitespace: true, message: t('evaluations.statementRequired') },
            { min: 2, max: MAX_STATEMENT },
          ]}
        >
          <Input.TextArea
            rows={6}
            maxLength={MAX_STATEMENT}
            showCount
            placeholder={t('evaluations.statementPlaceholder')}
            data-testid="nomination-statement"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
