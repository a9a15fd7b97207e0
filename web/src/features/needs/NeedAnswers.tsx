import type { Need } from '@contract';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../shared/feedback';
import { ProjectFormDrawer, type ProjectFormTarget } from '../projects';
import { useDecideNeed } from './api';
import type { NeedActions } from './NeedDecisions';
import { NeedDeclineModal } from './NeedDeclineModal';
import { NeedMergeModal } from './NeedMergeModal';

/**
 * Answering needs, wherever they are answered (the inbox, a need's page): accept at once; decline,
 * merge or convert through their modal or drawer, which `modals` mounts. `withProjects`: the
 * project form is mounted only for those who may make one (each need says whether it may be converted).
 */
export function useNeedAnswers(withProjects: boolean): { actions: NeedActions; modals: ReactNode } {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const decide = useDecideNeed();
  const [declining, setDeclining] = useState<Need | null>(null);
  const [merging, setMerging] = useState<Need | null>(null);
  const [converting, setConverting] = useState<ProjectFormTarget | null>(null);

  const actions: NeedActions = {
    onAccept: (need) =>
      decide.mutate(
        { id: need.id, decision: 'accept' },
        {
          onSuccess: () => feedback.success(t('needs.accepted', { title: need.title })),
          onError: feedback.error,
        },
      ),
    onDecline: setDeclining,
    onMerge: setMerging,
    onConvert: (need) => setConverting({ mode: 'create', need }),
    acceptingId:
      decide.isPending && decide.variables?.decision === 'accept' ? decide.variables.id : undefined,
  };
  const modals = (
    <>
      <NeedDeclineModal need={declining} onClose={() => setDeclining(null)} />
      <NeedMergeModal need={merging} onClose={() => setMerging(null)} />
      {withProjects && (
        <ProjectFormDrawer
          target={converting}
          onClose={() => setConverting(null)}
          onCreated={(project) => navigate(`/projects/${project.id}`)}
        />
      )}
    </>
  );
  return { actions, modals };
}
