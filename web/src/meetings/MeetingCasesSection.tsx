import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { Badge } from '../components/feedback.tsx';
import { formatDate } from '../lib/format.ts';
import { CaseStatusBadge } from './badges.tsx';
import { CaseUpdateDialog, useCanFollowCase } from './dialogs.tsx';
import { caseCode } from './format.ts';
import type { AgendaCase, MeetingDetail } from './types.ts';

/**
 * Seguimiento de casos: the cases taken in this meeting (received by Tuesday) and the open ones
 * from earlier meetings; each gets its follow-up recorded against this meeting.
 */
export function MeetingCasesSection({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const canFollow = useCanFollowCase();
  const [open, setOpen] = useState<string | null>(null);
  const current = m.cases.find((c) => c.id === open) ?? null;
  const linkable = can('cases.read') || can('cases.follow') || can('meetings.manage');
  const fresh = m.cases.filter((c) => !c.carriedOver);
  const carried = m.cases.filter((c) => c.carriedOver);
  const rows = [...fresh, ...carried];
  const writable = m.status !== 'CLOSED';
  return (
    <section className="card meeting-section" id="seguimiento-casos" aria-labelledby="seguimiento-casos-title">
      <div className="section-bar">
        <h2 id="seguimiento-casos-title">{t('meetings.casesFollowUp.title')}</h2>
        <span className="muted small">{t('meetings.casesFollowUp.counts', { fresh: String(fresh.length), carried: String(carried.length) })}</span>
      </div>
      <p className="muted small">{t('meetings.casesFollowUp.intro')}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('meetings.casesFollowUp.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive agenda-cases">
            <caption className="visually-hidden">{t('meetings.casesFollowUp.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.casesFollowUp.col.code')}</th>
                <th scope="col">{t('meetings.casesFollowUp.col.hospital')}</th>
                <th scope="col">{t('meetings.casesFollowUp.col.status')}</th>
                <th scope="col">{t('meetings.casesFollowUp.col.last')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <CaseRow key={c.id} c={c} lang={lang} linkable={linkable} onRecord={writable && canFollow(c) ? () => setOpen(c.id) : undefined} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current ? (
        <CaseUpdateDialog
          item={current}
          meeting={{ id: m.id, number: m.number }}
          onClose={() => setOpen(null)}
          onDone={(msg) => {
            setOpen(null);
            onDone(msg);
          }}
        />
      ) : null}
    </section>
  );
}

function CaseRow({ c, lang, linkable, onRecord }: { c: AgendaCase; lang: string; linkable: boolean; onRecord: (() => void) | undefined }) {
  const { t } = useTranslation();
  const code = c.code ? caseCode(c.code) : t('meetings.caseWaiting');
  const last = c.updateInMeeting
    ? { entryDate: c.updateInMeeting.entryDate, text: c.updateInMeeting.text, reporter: c.updateInMeeting.officialPosition }
    : c.lastUpdate
      ? { entryDate: c.lastUpdate.entryDate, text: c.lastUpdate.text, reporter: null }
      : null;
  return (
    <tr data-case={c.code ?? c.id} className={c.updateInMeeting ? 'row-reviewed' : undefined}>
      <td data-label={t('meetings.casesFollowUp.col.code')} className="cell-main">
        <div>
          {linkable ? (
            <Link to={`/casos/${c.id}`} className="cell-title case-code">
              {code}
            </Link>
          ) : (
            <span className="cell-title-plain case-code">{code}</span>
          )}
          <span className="cell-title-plain">{c.title}</span>
          <span className="cell-sub">
            {t(`meetings.caseCategory.${c.category}`)} · {c.carriedOver ? t('meetings.casesFollowUp.carried') : t('meetings.casesFollowUp.newHere')}
          </span>
        </div>
      </td>
      <td data-label={t('meetings.casesFollowUp.col.hospital')}>
        <div>
          <span className="cell-title-plain">{c.unitName}</span>
          {c.responsible ? <span className="cell-sub">{c.responsible.name}</span> : null}
        </div>
      </td>
      <td data-label={t('meetings.casesFollowUp.col.status')}>
        <span className="badge-stack">
          <CaseStatusBadge status={c.status} />
          {c.updateInMeeting ? <Badge tone="ok">{t('meetings.casesFollowUp.reviewedHere')}</Badge> : null}
        </span>
      </td>
      <td data-label={t('meetings.casesFollowUp.col.last')} className="cell-text">
        {last ? (
          <div>
            <span className="cell-sub">
              {formatDate(last.entryDate, lang)}
              {last.reporter ? ` · ${last.reporter}` : ''}
            </span>
            <span>{last.text}</span>
          </div>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="cell-actions">
        {onRecord ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={onRecord} aria-label={t('meetings.casesFollowUp.recordFor', { code })}>
            {t('meetings.casesFollowUp.record')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
