import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client.ts';
import { TREATMENT_STATUSES, type PatientSearchPage } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { Badge, Notice, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
import { formatDate } from '../lib/format.ts';
import { useFilters } from '../lib/useFilters.ts';
import { useVisibleUnits } from './api.ts';
import { ageText, formatDay, sortName } from './format.ts';
import { StatusBadge } from './StatusBadge.tsx';

const FILTERS = ['q', 'unitId', 'status', 'pediatric'] as const;

export function PatientsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const f = useFilters(FILTERS);
  const { units } = useVisibleUnits();
  const query = { ...f.applied };
  const list = useInfiniteQuery({
    queryKey: ['patients', 'list', query],
    queryFn: ({ pageParam, signal }) => api<PatientSearchPage>('/api/patients', { query: { ...query, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const fuzzy = list.data?.pages[0]?.fuzzy ?? false;

  return (
    <>
      <PageHeader
        title={t('patients.title')}
        intro={t('patients.intro')}
        actions={
          <>
            {can('patients.import') ? (
              <Link to="/pacientes/importar" className="btn btn-secondary">
                {t('patients.importLink')}
              </Link>
            ) : null}
            {can('patients.write') ? (
              <Link to="/pacientes/nuevo" className="btn btn-primary">
                <span aria-hidden="true">+ </span>
                {t('patients.new')}
              </Link>
            ) : null}
          </>
        }
      />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField
          label={t('patients.searchLabel')}
          type="search"
          {...f.text('q')}
          placeholder={t('patients.searchPlaceholder')}
          hint={t('patients.searchHint')}
          maxLength={120}
          autoComplete="off"
          spellCheck={false}
        />
        {units.length > 1 ? (
          <SelectField
            label={t('patients.unit')}
            {...f.select('unitId')}
            placeholder={t('common.allFem')}
            options={units.map((u) => ({ value: u.id, label: u.shortName }))}
          />
        ) : null}
        <SelectField
          label={t('patients.statusLabel')}
          {...f.select('status')}
          placeholder={t('common.all')}
          options={TREATMENT_STATUSES.map((s) => ({ value: s, label: t(`patients.status.${s}`) }))}
        />
        <SelectField
          label={t('patients.ageGroup')}
          {...f.select('pediatric')}
          placeholder={t('common.all')}
          options={[
            { value: 'true', label: t('patients.pediatricPlural') },
            { value: 'false', label: t('patients.adultPlural') },
          ]}
        />
      </FilterBar>

      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      {fuzzy ? (
        <Notice tone="info">
          <p className="alert-title">{t('patients.fuzzyTitle')}</p>
          <p>{t('patients.fuzzyText', { q: f.applied.q })}</p>
        </Notice>
      ) : null}
      <PagedTable
        list={{ ...list, items, hasNextPage: list.hasNextPage }}
        empty={f.applied.q ? t('patients.emptySearch') : t('patients.empty')}
        caption={fuzzy ? t('patients.fuzzyTitle') : t('patients.tableCaption')}
        columns={[t('patients.col.name'), t('patients.col.age'), t('patients.col.unit'), t('patients.col.status'), t('patients.col.registered')]}
      >
        {(rows) =>
          rows.map((p) => (
            <tr key={p.id} data-patient-id={p.id}>
              <td data-label={t('patients.col.name')} className="cell-main">
                <div>
                  <Link to={`/pacientes/${p.id}`} className="cell-title">
                    {sortName(p)}
                  </Link>
                  <span className="cell-sub mono">{p.curp}</span>
                </div>
              </td>
              <td data-label={t('patients.col.age')}>
                <div>
                  <span className="cell-title-plain">
                    {ageText(t, p.birthDate)} · {t(`patients.sexShort.${p.sex}`)}
                  </span>
                  <span className="cell-sub">{formatDate(p.birthDate, i18n.language)}</span>
                </div>
              </td>
              <td data-label={t('patients.col.unit')}>{p.unitName}</td>
              <td data-label={t('patients.col.status')}>
                <span className="badge-stack">
                  <StatusBadge status={p.treatmentStatus} />
                  <Badge tone={p.pediatric ? 'info' : 'neutral'}>{p.pediatric ? t('patients.pediatric') : t('patients.adult')}</Badge>
                </span>
              </td>
              <td data-label={t('patients.col.registered')}>{formatDay(p.registeredAt, i18n.language)}</td>
            </tr>
          ))
        }
      </PagedTable>
    </>
  );
}
