import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../components/FilterBar.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { CheckboxField, TextField } from '../components/forms.tsx';
import { usePagedList } from '../lib/paging.ts';
import { useFilters } from '../lib/useFilters.ts';
import { AgreementCard } from './AgreementCard.tsx';
import { AgreementUpdateDialog, useCanUpdateAgreement } from './dialogs.tsx';
import { AGREEMENT_STATUSES, type Agreement, type AgreementStatus } from './types.ts';
import './meetings.css';

const FILTERS = ['meeting', 'overdue'] as const;

/** Acuerdos: a board with one column per status (each paged by keyset), overdue ones first and marked. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const f = useFilters(FILTERS);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Agreement | null>(null);
  const meetingProblem = f.applied.meeting && !/^[1-9]\d*$/.test(f.applied.meeting) ? t('meetings.errors.meetingNumber') : undefined;
  const query: Record<string, string> = {
    ...(f.applied.meeting && !meetingProblem ? { meeting: f.applied.meeting } : {}),
    ...(f.applied.overdue === 'true' ? { overdue: 'true' } : {}),
  };
  return (
    <>
      <PageHeader title={t('meetings.board.title')} intro={t('meetings.board.intro')} />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField label={t('meetings.board.meeting')} {...f.text('meeting')} inputMode="numeric" error={meetingProblem} autoComplete="off" />
        <CheckboxField
          label={t('meetings.board.overdueOnly')}
          checked={f.draft.overdue === 'true'}
          onChange={(e) => f.setAndApply('overdue', e.target.checked ? 'true' : '')}
        />
      </FilterBar>
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <div className="agreement-board">
        {AGREEMENT_STATUSES.map((s) => (
          <BoardColumn key={s} status={s} query={query} onUpdate={setOpen} />
        ))}
      </div>
      {open ? (
        <AgreementUpdateDialog
          agreement={open}
          onClose={() => setOpen(null)}
          onDone={(msg) => {
            setOpen(null);
            setNotice(msg);
          }}
        />
      ) : null}
    </>
  );
}

function BoardColumn({ status, query, onUpdate }: { status: AgreementStatus; query: Record<string, string>; onUpdate: (a: Agreement) => void }) {
  const { t } = useTranslation();
  const canUpdate = useCanUpdateAgreement();
  const list = usePagedList<Agreement>(['agreements', 'board', status], '/api/agreements', { ...query, status }, 30);
  const items = [...list.items].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const overdue = items.filter((a) => a.overdue).length;
  return (
    <section className={`board-column board-${status.toLowerCase()}`} aria-labelledby={`col-${status}`}>
      <h2 id={`col-${status}`}>
        {t(`meetings.agreementStatus.${status}`)}{' '}
        <span className="board-count">
          {items.length}
          {list.hasNextPage ? '+' : ''}
        </span>
      </h2>
      {overdue ? <p className="overdue-text small">{t('meetings.board.overdueCount', { count: overdue })}</p> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="empty">{t('meetings.board.empty')}</p> : null}
      {items.map((a) => (
        <AgreementCard key={a.id} a={a} showMeeting onUpdate={canUpdate(a) ? () => onUpdate(a) : undefined} />
      ))}
      {list.hasNextPage ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
