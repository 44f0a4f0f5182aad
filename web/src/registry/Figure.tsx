import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/feedback.tsx';
import { formatNumber } from '../patients/format.ts';
import { formatCutoff } from './format.ts';

const EChart = lazy(() => import('./EChart.tsx'));

export interface FigureScope {
  /** "Nacional", "Entidad: Jalisco", "Unidad médica: HG CMN La Raza". */
  label: string;
  /** ISO instant of the weekly cut-off the figure belongs to. */
  cutoff: string | null;
  /** A cut already put in words ("Reuniones 38 a 62"), shown instead of the weekly cut-off. */
  cut?: string;
}

/**
 * A figure of the registry: its title, the scope it covers, the cut-off, the count over its
 * denominator, the definition of what is counted, the chart, and the same data as a table.
 */
export function Figure({
  id,
  title,
  scope,
  count,
  denominator,
  countNote,
  definition,
  headline,
  chart,
  table,
  className,
}: {
  id: string;
  title: string;
  scope: FigureScope;
  count: number | null;
  denominator: number | null;
  countNote?: string;
  definition?: string;
  headline?: ReactNode;
  chart?: { option: Record<string, unknown>; height: number; description: string } | null;
  table?: ReactNode;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <figure className={`card figure ${className ?? ''}`} aria-labelledby={`${id}-title`} data-figure={id}>
      <figcaption className="figure-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <p className="figure-meta">
          <span className="scope-chip" data-testid="figure-scope">
            {scope.label}
          </span>
          {scope.cut ? (
            <span className="figure-cutoff" data-testid="figure-cutoff">
              {scope.cut}
            </span>
          ) : scope.cutoff ? (
            <span className="figure-cutoff" data-testid="figure-cutoff">
              {t('registry.cutoff', { date: formatCutoff(scope.cutoff, lang) })}
            </span>
          ) : null}
          {count !== null ? (
            <span className="figure-count" data-testid="figure-count">
              {denominator !== null
                ? t('registry.countOf', { n: formatNumber(count, lang), d: formatNumber(denominator, lang) })
                : t('registry.countOnly', { n: formatNumber(count, lang) })}
              {countNote ? ` ${countNote}` : ''}
            </span>
          ) : null}
        </p>
      </figcaption>
      {headline ? <div className="figure-headline">{headline}</div> : null}
      {chart ? (
        <Suspense fallback={<Loading />}>
          <EChart option={chart.option} height={chart.height} description={chart.description} />
        </Suspense>
      ) : null}
      {definition ? (
        <p className="figure-definition">
          <strong>{t('registry.definition')}</strong> {definition}
        </p>
      ) : null}
      {table ? (
        <details className="chart-table">
          <summary>{t('registry.asTable')}</summary>
          <div className="table-wrap">{table}</div>
        </details>
      ) : null}
    </figure>
  );
}
