import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
import { formatDate } from '../lib/format.ts';
import { usePagedList } from '../lib/paging.ts';
import { useFilters } from '../lib/useFilters.ts';
import { useVisibleUnits } from '../patients/api.ts';
import { useOfficials } from './api.ts';
import { CaseStatusBadge } from './badges.tsx';
import { officialOptions } from './dialogs.tsx';
import { caseCode, formatShortDay } from './format.ts';
import { CASE_CATEGORIES, CASE_STATUSES, type CaseView } from './types.ts';
import './meetings.css';

const FILTERS = ['status', 'meeting', 'unitId', 'category', 'responsibleOfficialId', 'waiting'] as const;
const OPEN = 'RECEIVED,IN_FOLLOW_UP';

/** Casos específicos: filters kept in the address, keyset pages, a link to each case. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const f = useFilters(FILTERS);
  const { units } = useVisibleUnits();
  const officials = useOfficials(can('meetings.read') || can('meetings.manage'));
  const meetingProblem = f.applied.meeting && !/^[1-9]\d*$/.test(f.applied.meeting) ? t('meetings.errors.meetingNumber') : undefined;
  const query = { ...f.applied, ...(meetingProblem ? { meeting: '' } : {}) };
  const list = usePagedList<CaseView>(['cases', 'list'], '/api/cases', query, 50);

  return (
    <>
      <PageHeader
        title={t('meetings.cases.title')}
        intro={t('meetings.cases.intro')}
        actions={
          can('cases.write') || can('meetings.manage') ? (
            <Link to="/casos/nuevo" className="btn btn-primary">
              <span aria-hidden="true">+ </span>
              {t('meetings.cases.new')}
            </Link>
          ) : null
        }
      />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <SelectField
          label={t('meetings.cases.filter.status')}
          {...f.select('status')}
          placeholder={t('common.all')}
          options={[{ value: OPEN, label: t('meetings.cases.filter.open') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`meetings.caseStatus.${s}`) }))]}
        />
        <TextField
          label={t('meetings.cases.filter.meeting')}
          {...f.text('meeting')}
          inputMode="numeric"
          hint={t('meetings.cases.filter.meetingHint')}
          error={meetingProblem}
          autoComplete="off"
        />
        {units.length > 1 ? (
          <SelectField
            label={t('meetings.cases.filter.hospital')}
            {...f.select('unitId')}
            placeholder={t('common.all')}
            options={units.map((u) => ({ value: u.id, label: u.shortName }))}
          />
        ) : null}
        <SelectField
          label={t('meetings.cases.filter.category')}
          {...f.select('category')}
          placeholder={t('common.allFem')}
          options={CASE_CATEGORIES.map((c) => ({ value: c, label: t(`meetings.caseCategory.${c}`) }))}
        />
        {officials.data?.length ? (
          <SelectField
            label={t('meetings.cases.filter.responsible')}
            {...f.select('responsibleOfficialId')}
            placeholder={t('common.all')}
            options={officialOptions(officials.data, f.applied.responsibleOfficialId)}
          />
        ) : null}
        <SelectField
          label={t('meetings.cases.filter.waiting')}
          {...f.select('waiting')}
          placeholder={t('common.all')}
          options={[
            { value: 'true', label: t('meetings.cases.filter.waitingYes') },
            { value: 'false', label: t('meetings.cases.filter.waitingNo') },
          ]}
        />
      </FilterBar>
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <PagedTable
        list={list}
        empty={t('meetings.cases.empty')}
        caption={t('meetings.cases.caption')}
        columns={[t('meetings.cases.col.code'), t('meetings.cases.col.case'), t('meetings.cases.col.hospital'), t('meetings.cases.col.status'), t('meetings.cases.col.last')]}
        className="cases-table"
      >
        {(rows) =>
          rows.map((c) => (
            <tr key={c.id} data-case={c.code ?? c.id}>
              <td data-label={t('meetings.cases.col.code')} className="cell-main">
                <div>
                  <Link to={`/casos/${c.id}`} className="cell-title case-code">
                    {c.code ? caseCode(c.code) : t('meetings.caseWaiting')}
                  </Link>
                  <span className="cell-sub">{t('meetings.cases.received', { when: formatShortDay(c.receivedAt, lang) })}</span>
                </div>
              </td>
              <td data-label={t('meetings.cases.col.case')}>
                <div>
                  <span className="cell-title-plain">{c.title}</span>
                  <span className="cell-sub">{t(`meetings.caseCategory.${c.category}`)}</span>
                </div>
              </td>
              <td data-label={t('meetings.cases.col.hospital')}>
                <div>
                  <span className="cell-title-plain">{c.unitName}</span>
                  <span className="cell-sub">{c.responsible ? c.responsible.name : t('meetings.case.unassigned')}</span>
                </div>
              </td>
              <td data-label={t('meetings.cases.col.status')}>
                <CaseStatusBadge status={c.status} />
              </td>
              <td data-label={t('meetings.cases.col.last')} className="cell-text">
                {c.lastUpdate ? (
                  <div>
                    <span className="cell-sub">
                      {formatDate(c.lastUpdate.entryDate, lang)}
                      {c.lastUpdate.meetingNumber ? ` · ${t('meetings.meetingN', { n: String(c.lastUpdate.meetingNumber) })}` : ''}
                    </span>
                    <span className="clamp-2">{c.lastUpdate.text}</span>
                  </div>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))
        }
      </PagedTable>
    </>
  );
}
