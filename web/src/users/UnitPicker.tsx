import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../components/forms.tsx';
import { Loading } from '../components/feedback.tsx';
import { useAllUnits } from '../units/api.ts';

function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Multi-select of medical units with a search box; the chosen ones appear as removable chips. */
export function UnitPicker({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const units = useAllUnits();
  const [q, setQ] = useState('');
  const base = useId().replace(/:/g, '');
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const matches = useMemo(() => {
    const needle = normalize(q.trim());
    const list = units.data ?? [];
    return needle ? list.filter((u) => normalize(`${u.shortName} ${u.name} ${u.clues} ${u.state}`).includes(needle)) : list;
  }, [units.data, q]);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const errorId = error ? `${base}-error` : undefined;

  return (
    <fieldset className={`field field-full fieldset ${error ? 'has-error' : ''}`} aria-describedby={[errorId, `${base}-hint`].filter(Boolean).join(' ')}>
      <legend className="field-label">{t('users.field.units')}</legend>
      <p className="field-hint" id={`${base}-hint`}>
        {t('users.field.unitsHint')}
      </p>
      <FieldMessage id={errorId} error={error} />
      <div className="picker-selected" aria-live="polite">
        <p className="small muted">{value.length ? t('users.field.unitsSelected', { count: value.length }) : t('users.field.noneSelected')}</p>
        {value.length ? (
          <ul className="chip-list">
            {value.map((id) => {
              const u = byId.get(id);
              const name = u?.shortName ?? id;
              return (
                <li key={id} className="chip chip-removable">
                  {name}
                  <button type="button" onClick={() => toggle(id, false)} aria-label={t('users.field.removeUnit', { name })}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${base}-q`}>
          {t('users.field.unitSearch')}
        </label>
        <input
          id={`${base}-q`}
          className="input"
          type="search"
          value={q}
          placeholder={t('users.field.unitSearchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          autoComplete="off"
        />
      </div>
      {units.isPending ? <Loading /> : null}
      <ul className="picker-options" aria-label={t('users.field.units')}>
        {matches.map((u) => {
          const id = `${base}-${u.id}`;
          return (
            <li key={u.id} className="check">
              <input id={id} type="checkbox" checked={value.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
              <label htmlFor={id}>
                <span className="check-title">{u.shortName}</span>
                <span className="check-desc">
                  {u.clues} · {u.state}
                </span>
              </label>
            </li>
          );
        })}
        {units.data && matches.length === 0 ? <li className="muted small">{t('users.field.noUnitMatches')}</li> : null}
      </ul>
    </fieldset>
  );
}
