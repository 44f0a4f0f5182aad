import { useTranslation } from 'react-i18next';
import { buildUrl } from '../api/client.ts';

/** Downloads of a unit's patients (CSV and Excel with the template's columns, JSON with everything). */
export function ExportButtons({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t } = useTranslation();
  const href = (format: 'csv' | 'xlsx' | 'json') => buildUrl('/api/registry/export', { unitId, format });
  return (
    <section className="card export-card" aria-labelledby="export-title">
      <div>
        <h2 id="export-title">{t('registry.export.title')}</h2>
        <p className="muted small">{t('registry.export.intro', { unit: unitName })}</p>
      </div>
      <div className="export-buttons">
        <a className="btn btn-secondary" href={href('csv')} download>
          {t('registry.export.csv')}
        </a>
        <a className="btn btn-secondary" href={href('xlsx')} download>
          {t('registry.export.xlsx')}
        </a>
        <a className="btn btn-secondary" href={href('json')} download>
          {t('registry.export.json')}
        </a>
      </div>
    </section>
  );
}
