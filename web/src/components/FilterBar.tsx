import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A search form for a list: fields, "Buscar" and "Limpiar filtros". */
export function FilterBar({ label, children, onSubmit, onClear }: { label: string; children: ReactNode; onSubmit: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="filters card" role="search" aria-label={label} onSubmit={submit} noValidate>
      <div className="filters-fields">{children}</div>
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary">
          {t('common.search')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClear}>
          {t('common.clearFilters')}
        </button>
      </div>
    </form>
  );
}
