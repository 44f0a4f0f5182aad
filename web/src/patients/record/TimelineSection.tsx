import { useTranslation } from 'react-i18next';
import type { Patient, TimelineKind } from '../../api/types.ts';
import { ErrorAlert, LoadMore, Loading } from '../../components/feedback.tsx';
import { formatDate } from '../../lib/format.ts';
import { useTimeline } from '../clinicalApi.ts';

const ICONS: Record<TimelineKind, string> = {
  REGISTRATION: '+',
  DIAGNOSIS: 'Dx',
  PLAN_START: '▶',
  CYCLE_PLANNED: '◷',
  CYCLE_GIVEN: '✓',
  ADMINISTRATION: 'Rx',
  MEASUREMENT: '⚖',
  RADIOTHERAPY: 'RT',
  SURGERY: 'Cx',
  TRANSPLANT: 'TPH',
  STATUS: '●',
  FOLLOW_UP: '☎',
  COMPLICATION: '!',
  TRANSFER: '⇄',
};

/** Everything that happened to the patient, newest first, a page at a time. */
export function TimelineSection({ patient }: { patient: Patient }) {
  const { t, i18n } = useTranslation();
  const tl = useTimeline(patient.id);
  return (
    <div className="section-stack">
      <h2>{t('clinical.timeline.title')}</h2>
      {tl.isPending ? <Loading /> : null}
      {tl.isError ? <ErrorAlert error={tl.error} /> : null}
      {tl.data && tl.items.length === 0 ? <p className="empty">{t('clinical.timeline.empty')}</p> : null}
      {tl.items.length > 0 ? (
        <ol className="timeline" aria-label={t('clinical.timeline.title')}>
          {tl.items.map((e) => (
            <li key={`${e.kind}-${e.id}`} className={`tl-item tl-${e.kind.toLowerCase()}`}>
              <span className="tl-icon" aria-hidden="true">
                {ICONS[e.kind]}
              </span>
              <div className="tl-body">
                <p className="tl-date">
                  <time dateTime={e.date}>{formatDate(e.date, i18n.language)}</time> · <span className="muted">{t(`clinical.timeline.kinds.${e.kind}`)}</span>
                </p>
                <p className="tl-label">{e.label}</p>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {tl.data && tl.items.length > 0 ? (
        <LoadMore shown={tl.items.length} hasMore={tl.hasNextPage} loading={tl.isFetchingNextPage} onMore={() => void tl.fetchNextPage()} />
      ) : null}
    </div>
  );
}
