import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { WORKLIST_KINDS, type Page, type WorklistItem, type WorklistKind } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { PageHeader } from '../components/feedback.tsx';
import { SelectField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
import { formatDate } from '../lib/format.ts';
import { useFilters } from '../lib/useFilters.ts';
import { useVisibleUnits } from './api.ts';
import { FollowUpDialog } from './record/FollowUpSection.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import './patients.css';

const FILTERS = ['lista', 'unitId', 'days'] as const;
const PAGE = 100;
/** The record section each list sends the person to. */
const SECTION: Record<WorklistKind, string> = {
  'missing-data': '',
  'overdue-cycles': '?seccion=tratamiento',
  'abandonment-suspects': '?seccion=seguimiento',
  'no-follow-up': '?seccion=seguimiento',
};

function useWorklist(kind: WorklistKind, query: { unitId: string; days: string }) {
  const q = useInfiniteQuery({
    queryKey: ['worklists', kind, query],
    queryFn: ({ pageParam, signal }) =>
      api<Page<WorklistItem>>(`/api/worklists/${kind}`, { query: { unitId: query.unitId, days: query.days, limit: PAGE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...q, items: q.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** Pendientes: the four worklists of the user's units, each with its count, linking to the records. */
export function WorklistsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const f = useFilters(FILTERS);
  const { units } = useVisibleUnits();
  const kind: WorklistKind = (WORKLIST_KINDS as readonly string[]).includes(f.applied.lista) ? (f.applied.lista as WorklistKind) : 'abandonment-suspects';
  const query = { unitId: f.applied.unitId, days: f.applied.days };
  const lists = {
    'missing-data': useWorklist('missing-data', query),
    'overdue-cycles': useWorklist('overdue-cycles', query),
    'abandonment-suspects': useWorklist('abandonment-suspects', query),
    'no-follow-up': useWorklist('no-follow-up', query),
  };
  const list = lists[kind];
  const [tracing, setTracing] = useState<WorklistItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const order: WorklistKind[] = ['abandonment-suspects', 'overdue-cycles', 'no-follow-up', 'missing-data'];
  const count = (k: WorklistKind) => {
    const l = lists[k];
    if (!l.data) return '…';
    return `${l.items.length}${l.hasNextPage ? '+' : ''}`;
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = order.indexOf(kind);
    const j = e.key === 'ArrowRight' ? (i + 1) % order.length : e.key === 'ArrowLeft' ? (i - 1 + order.length) % order.length : -1;
    if (j < 0) return;
    e.preventDefault();
    f.setAndApply('lista', order[j]!);
    requestAnimationFrame(() => document.getElementById(`wl-${order[j]}`)?.focus());
  };
  const lang = i18n.language;

  return (
    <>
      <PageHeader title={t('worklists.title')} intro={t('worklists.intro')} />
      {units.length > 1 || kind === 'no-follow-up' || kind === 'missing-data' ? (
        <div className="filters card" role="group" aria-label={t('common.filters')}>
          <div className="filters-fields">
            {units.length > 1 ? (
              <SelectField label={t('patients.unit')} {...f.select('unitId')} placeholder={t('common.allFem')} options={units.map((u) => ({ value: u.id, label: u.shortName }))} />
            ) : null}
            {kind === 'no-follow-up' || kind === 'missing-data' ? (
              <SelectField
                label={t('worklists.days')}
                {...f.select('days')}
                placeholder={t('worklists.daysDefault')}
                options={['30', '60', '180', '365'].map((d) => ({ value: d, label: t('worklists.daysN', { n: d }) }))}
              />
            ) : null}
          </div>
        </div>
      ) : null}
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <div role="tablist" aria-label={t('worklists.title')} className="tablist tablist-wrap">
        {order.map((k) => (
          <button
            key={k}
            id={`wl-${k}`}
            type="button"
            role="tab"
            aria-selected={kind === k}
            aria-controls="wl-panel"
            tabIndex={kind === k ? 0 : -1}
            className="tab"
            onClick={() => f.setAndApply('lista', k)}
            onKeyDown={onKey}
          >
            {t(`worklists.kinds.${k}`)}
            <span className="tab-count" data-testid={`count-${k}`}>
              {count(k)}
            </span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id="wl-panel" aria-labelledby={`wl-${kind}`}>
        <p className="muted small">{t(`worklists.help.${kind}`)}</p>
        <PagedTable
          list={list}
          empty={t('worklists.empty')}
          caption={t(`worklists.kinds.${kind}`)}
          columns={[t('worklists.col.patient'), units.length > 1 && t('worklists.col.unit'), t('worklists.col.status'), t('worklists.col.detail'), t('worklists.col.since'), t('common.actions')]}
        >
          {(items) =>
            items.map((w) => (
              <tr key={`${w.patientId}-${w.cycle?.id ?? ''}`} data-patient-id={w.patientId}>
                <td data-label={t('worklists.col.patient')} className="cell-main">
                  <div>
                    <Link to={`/pacientes/${w.patientId}${SECTION[kind]}`} className="cell-title">
                      {w.fullName}
                    </Link>
                    <span className="cell-sub mono">{w.curp}</span>
                  </div>
                </td>
                {units.length > 1 ? <td data-label={t('worklists.col.unit')}>{w.unitName}</td> : null}
                <td data-label={t('worklists.col.status')}>
                  <StatusBadge status={w.treatmentStatus} />
                </td>
                <td data-label={t('worklists.col.detail')}>
                  <div>
                    <span className="cell-title-plain">{w.label}</span>
                    {w.cycle ? (
                      <span className="cell-sub">
                        {w.cycle.protocol} · {t('clinical.cycle.name', { course: w.cycle.course, n: String(w.cycle.cycleNumber) })} ·{' '}
                        {t('worklists.plannedFor', { date: formatDate(w.cycle.plannedDate, lang) })}
                      </span>
                    ) : null}
                    {w.missing.length ? (
                      <ul className="chip-list missing-list">
                        {w.missing.map((m) => (
                          <li key={m} className="chip chip-warn">
                            {t(`worklists.missing.${m}`)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                </td>
                <td data-label={t('worklists.col.since')} className="nowrap">
                  <div>
                    {w.since ? formatDate(w.since, lang) : '—'}
                    {w.days !== null ? <span className="cell-sub">{t('worklists.daysAgo', { count: w.days })}</span> : null}
                  </div>
                </td>
                <td data-label={t('common.actions')} className="cell-actions">
                  <div>
                    <Link to={`/pacientes/${w.patientId}${SECTION[kind]}`} className="btn btn-small btn-secondary">
                      {t('worklists.open')}
                    </Link>
                    {kind === 'abandonment-suspects' && can('patients.write') ? (
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setTracing(w)}>
                        {t('worklists.trace')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))
          }
        </PagedTable>
      </div>
      {tracing ? (
        <FollowUpDialog
          patient={{ id: tracing.patientId }}
          trace
          onClose={() => setTracing(null)}
          onDone={() => {
            setNotice(t('worklists.traced', { name: tracing.fullName }));
            setTracing(null);
          }}
        />
      ) : null}
    </>
  );
}
