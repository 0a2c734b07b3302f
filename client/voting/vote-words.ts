/** Every sentence of the vote, in the page's language (the "voting" catalog). */
import type { IntlShape } from 'react-intl';
import type { VoteSetupProblem } from '../../shared/workshop/vote';
import { wordTable } from '../state/word-table';

/** The vote's words in `intl`'s language (built once per language). */
export const voteWords = wordTable((intl: IntlShape) => {
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `voting.${id}` }, values);
  return {
    button: t('button'),
    buttonOpen: t('buttonOpen'),
    setupTitle: t('setupTitle'),
    subjectLegend: t('subjectLegend'),
    subjectName: { levers: t('subject.levers'), snapshots: t('subject.snapshots') },
    optionsLegend: t('optionsLegend'),
    noOptions: { levers: t('noOptions.levers'), snapshots: t('noOptions.snapshots') },
    loadingSnapshots: t('loadingSnapshots'),
    snapshotsFailed: t('snapshotsFailed'),
    dotsLabel: t('dotsLabel'),
    open: t('open'),
    cancel: t('cancel'),
    question: { levers: t('question.levers'), snapshots: t('question.snapshots') },
    status: { open: t('status.open'), closed: t('status.closed'), revealed: t('status.revealed') },
    left: (left: number, of: number) => t('left', { left, of }),
    viewerNote: t('viewerNote'),
    addDot: (label: string) => t('addDot', { label }),
    removeDot: (label: string) => t('removeDot', { label }),
    myDots: (count: number) => t('myDots', { count }),
    count: (count: number) => t('count', { count }),
    voters: (count: number) => t('voters', { count }),
    close: t('close'),
    reopen: t('reopen'),
    reveal: t('reveal'),
    end: t('end'),
    hide: t('hide'),
    region: t('region'),
    offline: t('offline'),
    refused: (status: number) => t('refused', { status }),
    /** Why the vote cannot be opened, from its code. */
    setupProblem: (problem: VoteSetupProblem) => t(`setup.${problem.code}`, problem.values),
  };
});
