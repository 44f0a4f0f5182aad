import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { FlashNotice, NewButton } from '../components/dialogs.tsx';
import { Badge, PageHeader } from '../components/feedback.tsx';
import { SelectField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
import { usePagedList } from '../lib/paging.ts';
import { MeetingStatusBadge } from './badges.tsx';
import { formatDeadline, formatMeetingDateTime, formatShortDay, formatTime } from './format.ts';
import { ScheduleMeetingDialog } from './ScheduleMeetingDialog.tsx';
import { MEETING_STATUSES, type MeetingSummary } from './types.ts';
import './meetings.css';

/**
 * The meeting to look at now: the one in progress, else the earliest planned one that has not
 * passed (the list comes newest first).
 */
export function nextMeeting(items: readonly MeetingSummary[], now = Date.now()): MeetingSummary | null {
  const held = items.find((m) => m.status === 'HELD');
  if (held) return held;
  const upcoming = items.filter((m) => m.status === 'PLANNED' && Date.parse(m.scheduledAt) >= now - 6 * 3_600_000);
  upcoming.sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  return upcoming[0] ?? null;
}

/** Reuniones con familias: the meetings, newest first, with the next one highlighted. */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [status, setStatus] = useState('');
  const [scheduling, setScheduling] = useState(false);
  // Unfiltered (newest first): the next meeting and the next number come from its first page.
  const all = usePagedList<MeetingSummary>(['meetings', 'list'], '/api/meetings', {}, 50);
  const list = usePagedList<MeetingSummary>(['meetings', 'list'], '/api/meetings', status ? { status } : {}, 50);
  const next = nextMeeting(all.items);
  const lastNumber = all.items.reduce((max, m) => Math.max(max, m.number), 0);

  return (
    <>
      <PageHeader
        title={t('meetings.list.title')}
        intro={t('meetings.list.intro')}
        actions={can('meetings.manage') ? <NewButton onClick={() => setScheduling(true)}>{t('meetings.list.schedule')}</NewButton> : null}
      />
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      {next ? (
        <section className="card next-meeting" aria-labelledby="next-meeting-title">
          <div>
            <h2 id="next-meeting-title">
              {next.status === 'HELD' ? t('meetings.list.current') : t('meetings.list.next')}: {t('meetings.meetingN', { n: String(next.number) })}
            </h2>
            <p className="next-meeting-when">{formatMeetingDateTime(next.scheduledAt, lang)}</p>
            <p className="badge-stack">
              <MeetingStatusBadge status={next.status} />
              <Badge tone="neutral">{t(`meetings.modality.${next.modality}`)}{next.platform ? ` · ${next.platform}` : ''}</Badge>
              {next.extraordinary ? <Badge tone="warning">{t('meetings.extraordinary')}</Badge> : null}
            </p>
            {next.status === 'PLANNED' ? <p className="small muted">{t('meetings.list.deadline', { when: formatDeadline(next.familiesDeadline, lang) })}</p> : null}
          </div>
          <Link to={`/reuniones/${next.id}`} className="btn btn-primary">
            {t('meetings.list.open')}
          </Link>
        </section>
      ) : null}

      <div className="meetings-tools">
        <SelectField
          label={t('meetings.list.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          placeholder={t('common.allFem')}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.meetingStatus.${s}`) }))}
        />
      </div>
      <PagedTable
        list={list}
        empty={t('meetings.list.empty')}
        caption={t('meetings.list.caption')}
        columns={[t('meetings.list.col.meeting'), t('meetings.list.col.date'), t('meetings.list.col.modality'), t('meetings.list.col.status'), t('meetings.list.col.cases'), t('meetings.list.col.agreements')]}
        className="meetings-table"
      >
        {(rows) =>
          rows.map((m) => (
            <tr key={m.id} className={next?.id === m.id ? 'row-next' : undefined} data-meeting={m.number}>
              <td data-label={t('meetings.list.col.meeting')} className="cell-main">
                <div>
                  <Link to={`/reuniones/${m.id}`} className="cell-title">
                    {t('meetings.meetingN', { n: String(m.number) })}
                  </Link>
                  {next?.id === m.id ? <span className="cell-sub next-tag">{t('meetings.list.nextBadge')}</span> : null}
                </div>
              </td>
              <td data-label={t('meetings.list.col.date')}>
                <div>
                  <span className="cell-title-plain">{formatShortDay(m.scheduledAt, lang)}</span>
                  <span className="cell-sub">{formatTime(m.scheduledAt, lang)}</span>
                </div>
              </td>
              <td data-label={t('meetings.list.col.modality')}>
                {t(`meetings.modality.${m.modality}`)}
                {m.platform ? <span className="cell-sub">{m.platform}</span> : null}
              </td>
              <td data-label={t('meetings.list.col.status')}>
                <span className="badge-stack">
                  <MeetingStatusBadge status={m.status} />
                  {m.extraordinary ? <Badge tone="warning">{t('meetings.extraordinary')}</Badge> : null}
                </span>
              </td>
              <td data-label={t('meetings.list.col.cases')}>{t('meetings.list.casesCell', { new: String(m.newCases), reviewed: String(m.reviewedCases) })}</td>
              <td data-label={t('meetings.list.col.agreements')}>{m.agreements}</td>
            </tr>
          ))
        }
      </PagedTable>
      {scheduling ? <ScheduleMeetingDialog existing={all.items} nextNumber={lastNumber + 1} onClose={() => setScheduling(false)} /> : null}
    </>
  );
}
