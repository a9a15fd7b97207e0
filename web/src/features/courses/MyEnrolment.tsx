import { CheckCircleFilled, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import type { Course } from '@contract';
import { App, Button, Progress, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { isOpenForEnrolment, useEnrol, useWithdrawEnrolment } from './api';
import { CertificateButton } from './CertificateButton';

/** The reader's own part in a course: enrol, see attendance and completion, download the certificate. */
export function MyEnrolment({ course }: { course: Course }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const enrol = useEnrol();
  const withdraw = useWithdrawEnrolment();
  const mine = course.mine;

  if (me.user.personId === null) {
    return <Typography.Text type="secondary">{t('courses.noPerson')}</Typography.Text>;
  }

  if (mine?.completedAt) {
    return (
      <div data-testid="my-enrolment" data-state="completed">
        <Result
          className="gj-compact-result"
          status="success"
          icon={<CheckCircleFilled />}
          title={t('courses.youCompleted')}
          subTitle={t('courses.completedOnLong', {
            date: zoned(mine.completedAt).format('YYYY-MM-DD'),
            attended: mine.attended,
          })}
          extra={<CertificateButton enrolmentId={mine.enrolmentId} courseTitle={course.title} block />}
        />
      </div>
    );
  }

  if (mine) {
    const percent = Math.round((Math.min(mine.attended, course.minSessions) / course.minSessions) * 100);
    const confirmWithdraw = () =>
      modal.confirm({
        title: t('courses.withdrawTitle'),
        content: t('courses.withdrawConfirm', { title: course.title }),
        okText: t('courses.withdraw'),
        okButtonProps: { danger: true, 'data-testid': 'course-withdraw-confirm' },
        cancelText: t('courses.keepEnrolment'),
        onOk: () =>
          withdraw.mutateAsync(mine.enrolmentId).then(
            () => feedback.success(t('courses.withdrawn')),
            (error: unknown) => feedback.error(error),
          ),
      });
    return (
      <div className="gj-card-row" data-testid="my-enrolment" data-state="enrolled">
        <Typography.Text strong>{t('courses.youEnrolled')}</Typography.Text>
        <div className="gj-fill">
          <Progress
            percent={percent}
            strokeColor="#c8102e"
            format={() => `${mine.attended}/${course.minSessions}`}
          />
        </div>
        <Typography.Text type="secondary">
          {t('courses.progressHint', { attended: mine.attended, min: course.minSessions })}
        </Typography.Text>
        <Button
          danger
          size="small"
          icon={<RollbackOutlined />}
          onClick={confirmWithdraw}
          loading={withdraw.isPending}
          data-testid="course-withdraw"
        >
          {t('courses.withdraw')}
        </Button>
      </div>
    );
  }

  if (course.enrolment === 'nomination') {
    return (
      <Typography.Text type="secondary" data-testid="my-enrolment" data-state="nomination">
        {t('courses.byNomination')}
      </Typography.Text>
    );
  }
  if (!isOpenForEnrolment(course)) {
    return (
      <Typography.Text type="secondary" data-testid="my-enrolment" data-state="closed">
        {course.enrolled >= course.capacity ? t('courses.full') : t('courses.over')}
      </Typography.Text>
    );
  }
  return (
    <div className="gj-card-row" data-testid="my-enrolment" data-state="open">
      <Typography.Text type="secondary">
        {t('courses.enrolHint', { count: course.capacity - course.enrolled })}
      </Typography.Text>
      <Button
        type="primary"
        size="large"
        block
        icon={<FormOutlined />}
        loading={enrol.isPending}
        onClick={() =>
          enrol.mutate(
            { courseId: course.id },
            { onSuccess: () => feedback.success(t('courses.enrolledDone')), onError: feedback.error },
          )
        }
        data-testid="course-enrol"
      >
        {t('courses.enrol')}
      </Button>
    </div>
  );
}
