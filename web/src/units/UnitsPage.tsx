import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { FlashNotice, NewButton } from '../components/dialogs.tsx';
import { Badge, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
import { formatDate } from '../lib/format.ts';
import { usePagedList } from '../lib/paging.ts';
import { useFilters } from '../lib/useFilters.ts';
import { STATES } from './api.ts';
import { UnitActiveToggle, UnitForm } from './UnitForm.tsx';

const FILTERS = ['q', 'level', 'state', 'active'] as const;

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const manage = can('units.manage');
  const f = useFilters(FILTERS);
  const list = usePagedList<Unit>(['units', 'list'], '/api/units', { ...f.applied });
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [toggling, setToggling] = useState<Unit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        intro={t('units.intro')}
        actions={manage ? <NewButton onClick={() => setEditing('new')}>{t('units.new')}</NewButton> : null}
      />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField
          label={t('units.searchLabel')}
          type="search"
          {...f.text('q')}
          placeholder={t('units.searchPlaceholder')}
          maxLength={100}
        />
        <SelectField
          label={t('units.level')}
          {...f.select('level')}
          placeholder={t('common.all')}
          options={[
            { value: 'UMAE', label: t('units.levelsLong.UMAE') },
            { value: 'SECOND_LEVEL', label: t('units.levelsLong.SECOND_LEVEL') },
          ]}
        />
        <SelectField
          label={t('units.state')}
          {...f.select('state')}
          placeholder={t('common.allFem')}
          options={STATES.map((s) => ({ value: s, label: s }))}
        />
        <SelectField
          label={t('units.status')}
          {...f.select('active')}
          placeholder={t('common.allFem')}
          options={[
            { value: 'true', label: t('units.statusActive') },
            { value: 'false', label: t('units.statusInactive') },
          ]}
        />
      </FilterBar>

      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <PagedTable
        list={list}
        empty={t('units.empty')}
        caption={t('units.tableCaption')}
        columns={[
          t('units.col.clues'),
          t('units.col.name'),
          t('units.col.level'),
          t('units.col.state'),
          t('units.col.oncocrean'),
          t('units.col.activeFrom'),
          t('units.col.status'),
          manage && t('common.actions'),
        ]}
      >
        {(items) =>
          items.map((u) => (
            <tr key={u.id} data-unit-id={u.id} className={u.active ? undefined : 'row-inactive'}>
              <td data-label={t('units.col.clues')} className="mono">
                {u.clues}
              </td>
              <td data-label={t('units.col.name')} className="cell-main">
                <div>
                  <span className="cell-title">{u.shortName}</span>
                  <span className="cell-sub">{u.name}</span>
                </div>
              </td>
              <td data-label={t('units.col.level')}>
                <Badge tone={u.level === 'UMAE' ? 'info' : 'neutral'}>{t(`units.levels.${u.level}`)}</Badge>
              </td>
              <td data-label={t('units.col.state')}>
                <div>
                  <span className="cell-title-plain">{u.state}</span>
                  {u.delegation !== u.state ? (
                    <span className="cell-sub">
                      {t('units.col.delegation')}: {u.delegation}
                    </span>
                  ) : null}
                </div>
              </td>
              <td data-label={t('units.col.oncocrean')}>{u.isOncocrean ? t('common.yes') : t('common.no')}</td>
              <td data-label={t('units.col.activeFrom')}>{formatDate(u.activeFrom, i18n.language)}</td>
              <td data-label={t('units.col.status')}>
                <Badge tone={u.active ? 'ok' : 'muted'}>{u.active ? t('units.active') : t('units.inactive')}</Badge>
              </td>
              {manage ? (
                <td data-label={t('common.actions')} className="cell-actions">
                  <div>
                  <button type="button" className="btn btn-small btn-secondary" onClick={() => setEditing(u)} aria-label={t('units.editNamed', { name: u.shortName })}>
                    {t('units.edit')}
                  </button>
                  <button
                    type="button"
                    className={`btn btn-small ${u.active ? 'btn-ghost-danger' : 'btn-ghost'}`}
                    onClick={() => setToggling(u)}
                    aria-label={u.active ? t('units.deactivateNamed', { name: u.shortName }) : t('units.reactivateNamed', { name: u.shortName })}
                  >
                    {u.active ? t('units.deactivate') : t('units.reactivate')}
                  </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))
        }
      </PagedTable>

      {editing ? (
        <UnitForm
          {...(editing === 'new' ? {} : { unit: editing })}
          onClose={() => setEditing(null)}
          onSaved={(u, created) => {
            setEditing(null);
            setNotice(created ? t('units.created', { name: u.shortName }) : t('units.updated', { name: u.shortName }));
          }}
        />
      ) : null}
      {toggling ? (
        <UnitActiveToggle
          unit={toggling}
          onClose={() => setToggling(null)}
          onDone={(u) => {
            setToggling(null);
            setNotice(u.active ? t('units.reactivated', { name: u.shortName }) : t('units.deactivated', { name: u.shortName }));
          }}
        />
      ) : null}
    </>
  );
}
