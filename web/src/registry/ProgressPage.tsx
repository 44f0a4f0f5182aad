import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgressRow, WeeklyPoint } from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { formatNumber, formatPercent } from '../patients/format.ts';
import { useProgress, useWeekly } from './api.ts';
import { rankingOption, weeklyOption } from './charts.ts';
import { Figure } from './Figure.tsx';
import { formatCutoff, progressColor } from './format.ts';
import './registry.css';

/**
 * Avance de registro: registered ÷ expected (censo integral) nationally, by state and by unit, with
 * the weekly "+N" cut at the Thursday 18:00 meeting; who still has to reach 100 %.
 */
export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const lang = i18n.language;
  const national = useProgress('national');
  const states = useProgress('state');
  const units = useProgress('unit');
  const weekly = useWeekly('national', undefined, 52);
  const n = national.data?.rows[0];
  const cutoff = national.data?.cutoff ?? null;
  const scope = { label: t('registry.scope.national'), cutoff };
  const mine = new Set(user.units.map((u) => u.id));

  return (
    <>
      <PageHeader
        title={t('registry.title')}
        intro={t('registry.intro')}
        actions={
          <Link to="/registro/tablero" className="btn btn-primary">
            {t('registry.toDashboard')}
          </Link>
        }
      />
      {national.isError ? <ErrorAlert error={national.error} /> : null}
      {national.isPending ? <Loading /> : null}
      {n && cutoff ? (
        <>
          <p className="cutoff-line">
            <span className="scope-chip">{t('registry.scope.national')}</span> {t('registry.cutoff', { date: formatCutoff(cutoff, lang) })} ·{' '}
            <span className="muted">{t('registry.liveNote')}</span>
          </p>
          <ProgressStats row={n} />
        </>
      ) : null}

      {user.units.length > 0 && units.data ? (
        <section aria-labelledby="my-units" className="my-units">
          <h2 id="my-units">{t('registry.myUnits', { count: user.units.length })}</h2>
          <ul className="unit-cards">
            {units.data.rows
              .filter((r) => mine.has(r.id))
              .map((r) => (
                <li key={r.id}>
                  <UnitCard row={r} />
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <div className="figure-grid">
        {units.data ? <RankingFigure rows={units.data.rows} cutoff={units.data.cutoff} /> : null}
        {weekly.data && n ? (
          <Figure
            id="weekly"
            className="figure-wide"
            title={t('registry.weekly.title')}
            scope={scope}
            count={n.newThisWeek}
            denominator={null}
            countNote={t('registry.weekly.countNote')}
            definition={t('registry.weekly.definition')}
            chart={{ option: weeklyOption(withCurrentWeek(weekly.data.series, n), t, lang), height: 320, description: t('registry.weekly.description') }}
            table={<WeeklyTable series={withCurrentWeek(weekly.data.series, n)} />}
          />
        ) : null}
      </div>

      {states.data ? (
        <section aria-labelledby="by-state">
          <div className="section-header">
            <h2 id="by-state">{t('registry.byState')}</h2>
          </div>
          <ProgressTable rows={states.data.rows} kind="state" />
        </section>
      ) : null}
      {units.data ? (
        <section aria-labelledby="by-unit">
          <div className="section-header">
            <h2 id="by-unit">{t('registry.byUnit')}</h2>
            <p className="muted small">{t('registry.byUnitIntro')}</p>
          </div>
          <ProgressTable rows={units.data.rows} kind="unit" />
        </section>
      ) : null}
      {states.isError ? <ErrorAlert error={states.error} /> : null}
      {units.isError ? <ErrorAlert error={units.error} /> : null}
    </>
  );
}

/** The weekly series with the week in progress (since the last cut-off) as its last point. */
export function withCurrentWeek(series: WeeklyPoint[], row: ProgressRow): (WeeklyPoint & { current?: boolean })[] {
  return [
    ...series,
    {
      cutoff: new Date().toISOString(),
      registered: row.registered,
      expected: row.expected,
      percent: row.percent,
      newInWeek: row.newThisWeek,
      newPediatricInWeek: row.newThisWeekPediatric,
      pediatric: row.pediatric,
      adult: row.adult,
      current: true,
    },
  ];
}

/** The four headline numbers of a scope: progress, this week's +N, pediatric/adult, complete units. */
export function ProgressStats({ row, showUnits = true }: { row: ProgressRow; showUnits?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ul className="stats registry-stats" aria-label={t('registry.statsLabel')}>
      <li className="stat stat-primary" data-testid="stat-progress">
        <span className="stat-value">{row.percent === null ? '—' : formatPercent(row.percent, lang)}</span>
        <span className="stat-label">{t('registry.progressLabel')}</span>
        <span className="stat-sub">
          {t('registry.registeredOf', { registered: formatNumber(row.registered, lang), expected: formatNumber(row.expected, lang) })}
        </span>
        <span className="progress-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, row.percent ?? 0)}%`, background: progressColor(row.percent) }} />
        </span>
      </li>
      <li className="stat" data-testid="stat-week">
        <span className="stat-value">+{formatNumber(row.newThisWeek, lang)}</span>
        <span className="stat-label">{t('registry.newThisWeek')}</span>
        <span className="stat-sub">{t('registry.previousWeek', { n: formatNumber(row.newPreviousWeek, lang) })}</span>
      </li>
      <li className="stat">
        <span className="stat-value">{formatNumber(row.pediatric, lang)}</span>
        <span className="stat-label">{t('registry.pediatric')}</span>
        <span className="stat-sub">{t('registry.adults', { n: formatNumber(row.adult, lang) })}</span>
      </li>
      {showUnits ? (
        <li className="stat">
          <span className="stat-value">
            {formatNumber(row.unitsComplete, lang)} / {formatNumber(row.units, lang)}
          </span>
          <span className="stat-label">{t('registry.unitsComplete')}</span>
          <span className="stat-sub">{t('registry.unitsPending', { n: formatNumber(row.units - row.unitsComplete, lang) })}</span>
        </li>
      ) : null}
    </ul>
  );
}

function UnitCard({ row }: { row: ProgressRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Link to={`/registro/unidades/${row.id}`} className="card unit-card" data-unit-id={row.id}>
      <span className="unit-card-name">{row.name}</span>
      <span className="unit-card-pct">{row.percent === null ? t('registry.noCensus') : formatPercent(row.percent, lang)}</span>
      <span className="progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, row.percent ?? 0)}%`, background: progressColor(row.percent) }} />
      </span>
      <span className="unit-card-sub">
        {t('registry.registeredOf', { registered: formatNumber(row.registered, lang), expected: formatNumber(row.expected, lang) })} ·{' '}
        <strong>{t('registry.plusWeek', { n: formatNumber(row.newThisWeek, lang) })}</strong>
      </span>
    </Link>
  );
}

function RankingFigure({ rows, cutoff }: { rows: ProgressRow[]; cutoff: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const withCensus = rows.filter((r) => r.expected > 0);
  const complete = withCensus.filter((r) => (r.percent ?? 0) >= 100).length;
  return (
    <Figure
      id="ranking"
      className="figure-wide"
      title={t('registry.ranking.title')}
      scope={{ label: t('registry.scope.nationalUnits'), cutoff }}
      count={complete}
      denominator={withCensus.length}
      countNote={t('registry.ranking.countNote')}
      definition={t('registry.ranking.definition', { count: rows.length - withCensus.length })}
      chart={
        withCensus.length
          ? { option: rankingOption(withCensus, t, lang), height: Math.max(220, withCensus.length * 24 + 40), description: t('registry.ranking.description') }
          : null
      }
    />
  );
}

function ProgressTable({ rows, kind }: { rows: ProgressRow[]; kind: 'state' | 'unit' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [sort, setSort] = useState<'percent' | 'name'>('percent');
  const sorted = useMemo(
    () =>
      [...rows].sort((a, b) =>
        sort === 'name' ? a.name.localeCompare(b.name, 'es') : (a.percent ?? -1) - (b.percent ?? -1) || a.name.localeCompare(b.name, 'es'),
      ),
    [rows, sort],
  );
  return (
    <>
      <div className="table-tools">
        <label>
          {t('registry.sortBy')}{' '}
          <select className="input select input-inline" value={sort} onChange={(e) => setSort(e.target.value as 'percent' | 'name')}>
            <option value="percent">{t('registry.sortPercent')}</option>
            <option value="name">{t('registry.sortName')}</option>
          </select>
        </label>
      </div>
      <div className="table-wrap">
        <table className="table table-responsive table-compact progress-table">
          <caption className="visually-hidden">{kind === 'state' ? t('registry.byState') : t('registry.byUnit')}</caption>
          <thead>
            <tr>
              <th scope="col">{kind === 'state' ? t('registry.col.state') : t('registry.col.unit')}</th>
              <th scope="col" className="num">
                {t('registry.col.registered')}
              </th>
              <th scope="col" className="num">
                {t('registry.col.expected')}
              </th>
              <th scope="col">{t('registry.col.percent')}</th>
              <th scope="col" className="num">
                {t('registry.col.week')}
              </th>
              <th scope="col" className="num">
                {t('registry.col.split')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id} data-row-id={r.id}>
                <th scope="row" data-label={kind === 'state' ? t('registry.col.state') : t('registry.col.unit')}>
                  {kind === 'unit' ? (
                    <div>
                      <Link to={`/registro/unidades/${r.id}`} className="cell-title">
                        {r.name}
                      </Link>
                      <span className="cell-sub">
                        {r.state} · {r.level ? t(`units.levels.${r.level}`) : ''}
                      </span>
                    </div>
                  ) : (
                    <div>
                      <span className="cell-title">{r.name}</span>
                      <span className="cell-sub">{t('registry.unitsCount', { count: r.units })}</span>
                    </div>
                  )}
                </th>
                <td className="num" data-label={t('registry.col.registered')}>
                  {formatNumber(r.registered, lang)}
                </td>
                <td className="num" data-label={t('registry.col.expected')}>
                  {r.expected ? formatNumber(r.expected, lang) : <span className="muted">{t('registry.noCensus')}</span>}
                </td>
                <td data-label={t('registry.col.percent')}>
                  <span className="pct-cell">
                    <span className="progress-bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, r.percent ?? 0)}%`, background: progressColor(r.percent) }} />
                    </span>
                    <span className="pct-text">{formatPercent(r.percent, lang)}</span>
                  </span>
                </td>
                <td className="num" data-label={t('registry.col.week')}>
                  <span>
                    +{formatNumber(r.newThisWeek, lang)} <span className="muted small">({t('registry.prevShort', { n: formatNumber(r.newPreviousWeek, lang) })})</span>
                  </span>
                </td>
                <td className="num" data-label={t('registry.col.split')}>
                  <span>
                    {formatNumber(r.pediatric, lang)} / {formatNumber(r.adult, lang)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function WeeklyTable({ series }: { series: (WeeklyPoint & { current?: boolean })[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th scope="col">{t('registry.weekly.cutoffCol')}</th>
          <th scope="col" className="num">
            {t('registry.weekly.newCol')}
          </th>
          <th scope="col" className="num">
            {t('registry.weekly.newPediatric')}
          </th>
          <th scope="col" className="num">
            {t('registry.col.registered')}
          </th>
          <th scope="col" className="num">
            {t('registry.col.expected')}
          </th>
          <th scope="col" className="num">
            {t('registry.col.percent')}
          </th>
        </tr>
      </thead>
      <tbody>
        {[...series].reverse().map((p) => (
          <tr key={p.cutoff}>
            <th scope="row">{p.current ? t('registry.weekly.currentLong') : formatCutoff(p.cutoff, lang)}</th>
            <td className="num">{formatNumber(p.newInWeek, lang)}</td>
            <td className="num">{formatNumber(p.newPediatricInWeek, lang)}</td>
            <td className="num">{formatNumber(p.registered, lang)}</td>
            <td className="num">{formatNumber(p.expected, lang)}</td>
            <td className="num">{formatPercent(p.percent, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
