import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Dashboard, DashboardFigures, RegistryScope } from '../api/types.ts';
import { useSession, useUser } from '../auth/session.tsx';
import { ErrorAlert, Loading, Notice, PageHeader } from '../components/feedback.tsx';
import { SelectField } from '../components/forms.tsx';
import { formatNumber, formatPercent } from '../patients/format.ts';
import { useAllUnits } from '../units/api.ts';
import { useDashboard } from './api.ts';
import { abandonmentOption, ageSexOption, bandLabel, caseMixOption, survivalOption, timeToTreatmentOption } from './charts.ts';
import { Figure, type FigureScope } from './Figure.tsx';
import { formatCutoff } from './format.ts';
import { ProgressStats } from './ProgressPage.tsx';
import './registry.css';

/**
 * Tablero del registro: case mix (ICCC-3, age band, sex), time from diagnosis to treatment,
 * abandonment and Kaplan–Meier survival, for the network, a state or a unit. Every figure states
 * its scope, cut-off, count and denominator, and its definition.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { can } = useSession();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const units = useAllUnits();
  const national = user.allUnits;
  const requested = params.get('ambito') as RegistryScope | null;
  const scope: RegistryScope = national ? (requested && ['national', 'state', 'unit'].includes(requested) ? requested : 'national') : 'unit';
  const id = scope === 'national' ? undefined : (params.get('id') ?? (scope === 'unit' ? user.units[0]?.id : undefined));
  const dashboard = useDashboard(scope, id, scope === 'national' || Boolean(id));

  const states = useMemo(() => [...new Set((units.data ?? []).map((u) => u.state))].sort((a, b) => a.localeCompare(b, 'es')), [units.data]);
  const unitOptions = useMemo(() => {
    const list = national ? (units.data ?? []) : user.units;
    return [...list].sort((a, b) => a.shortName.localeCompare(b.shortName, 'es')).map((u) => ({ value: u.id, label: u.shortName }));
  }, [national, units.data, user.units]);

  const choose = (next: { ambito?: RegistryScope; id?: string }) => {
    const p = new URLSearchParams();
    const a = next.ambito ?? scope;
    if (a !== 'national') p.set('ambito', a);
    if (next.id) p.set('id', next.id);
    setParams(p, { replace: true });
  };

  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => api<{ scopes: number; ms: number }>('/api/registry/dashboard/refresh', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['registry', 'dashboard'] }),
  });

  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title={t('registry.dash.title')}
        intro={t('registry.dash.intro')}
        actions={
          can('registry.census') ? (
            <button type="button" className="btn btn-secondary" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
              {refresh.isPending ? t('registry.dash.refreshing') : t('registry.dash.refresh')}
            </button>
          ) : null
        }
      />
      <form className="filters card scope-picker" aria-label={t('registry.dash.scopePicker')} onSubmit={(e) => e.preventDefault()}>
        <div className="filters-fields">
          {national ? (
            <SelectField
              label={t('registry.dash.scopeLabel')}
              name="ambito"
              value={scope}
              onChange={(e) => choose({ ambito: e.target.value as RegistryScope })}
              options={(['national', 'state', 'unit'] as const).map((s) => ({ value: s, label: t(`registry.dash.scopes.${s}`) }))}
            />
          ) : null}
          {scope === 'state' ? (
            <SelectField
              label={t('registry.dash.state')}
              name="id"
              value={id ?? ''}
              onChange={(e) => choose({ id: e.target.value })}
              placeholder={t('registry.dash.chooseState')}
              options={states.map((s) => ({ value: s, label: s }))}
            />
          ) : null}
          {scope === 'unit' ? (
            <SelectField
              label={t('registry.dash.unit')}
              name="id"
              value={id ?? ''}
              onChange={(e) => choose({ id: e.target.value })}
              placeholder={t('registry.dash.chooseUnit')}
              options={unitOptions}
            />
          ) : null}
        </div>
      </form>
      {refresh.isError ? <ErrorAlert error={refresh.error} /> : null}
      {refresh.isSuccess ? <Notice>{t('registry.dash.refreshed')}</Notice> : null}
      {scope !== 'national' && !id ? <p className="empty">{scope === 'state' ? t('registry.dash.chooseState') : t('registry.dash.chooseUnit')}</p> : null}
      {dashboard.isPending && (scope === 'national' || id) ? <Loading /> : null}
      {dashboard.isError ? <ErrorAlert error={dashboard.error} /> : null}
      {d ? <DashboardBody d={d} lang={lang} /> : null}
    </>
  );
}

function scopeText(t: TFunction, d: Dashboard): string {
  if (d.scope === 'national') return t('registry.scope.national');
  if (d.scope === 'state') return t('registry.scope.state', { name: d.scopeName });
  return t('registry.scope.unit', { name: d.scopeName });
}

function DashboardBody({ d, lang }: { d: Dashboard; lang: string }) {
  const { t } = useTranslation();
  const label = scopeText(t, d);
  const progressScope: FigureScope = { label, cutoff: d.progressCutoff };
  const figScope: FigureScope = { label, cutoff: d.figuresCutoff };
  const f = d.figures;
  return (
    <>
      <section aria-labelledby="dash-progress">
        <h2 id="dash-progress" className="visually-hidden">
          {t('registry.progressLabel')}
        </h2>
        <p className="cutoff-line">
          <span className="scope-chip" data-testid="dashboard-scope">
            {label}
          </span>{' '}
          <span data-testid="dashboard-cutoff">{t('registry.cutoff', { date: formatCutoff(progressScope.cutoff, lang) })}</span>
        </p>
        <ProgressStats row={d.progress} showUnits={d.scope !== 'unit'} />
      </section>
      {!f ? (
        <Notice tone="info">{t('registry.dash.noFigures')}</Notice>
      ) : (
        <>
          <p className="muted small">
            {t('registry.dash.figuresNote', { date: formatCutoff(d.figuresCutoff, lang) })}
          </p>
          <div className="figure-grid">
            <CaseMixFigure f={f} scope={figScope} lang={lang} />
            <AgeSexFigure f={f} scope={figScope} lang={lang} />
            <TimeToTreatmentFigure f={f} scope={figScope} lang={lang} />
            <AbandonmentFigure f={f} scope={figScope} lang={lang} />
            <SurvivalFigure f={f} scope={figScope} lang={lang} />
          </div>
        </>
      )}
    </>
  );
}

function CaseMixFigure({ f, scope, lang }: { f: DashboardFigures; scope: FigureScope; lang: string }) {
  const { t } = useTranslation();
  const m = f.caseMix;
  return (
    <Figure
      id="case-mix"
      title={t('registry.dash.caseMix')}
      scope={scope}
      count={m.count}
      denominator={m.denominator}
      countNote={t('registry.dash.withDiagnosis')}
      definition={m.definition}
      chart={{ option: caseMixOption(m, t), height: 380, description: t('registry.dash.caseMixDescription') }}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('registry.dash.group')}</th>
              <th scope="col" className="num">
                {t('patients.pediatricPlural')}
              </th>
              <th scope="col" className="num">
                {t('patients.adultPlural')}
              </th>
              <th scope="col" className="num">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {m.byIccc.map((g) => (
              <tr key={g.group}>
                <th scope="row">
                  {g.group} · {g.name}
                </th>
                <td className="num">{formatNumber(g.pediatric, lang)}</td>
                <td className="num">{formatNumber(g.adult, lang)}</td>
                <td className="num">{m.count ? formatPercent(((g.pediatric + g.adult) / m.count) * 100, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function AgeSexFigure({ f, scope, lang }: { f: DashboardFigures; scope: FigureScope; lang: string }) {
  const { t } = useTranslation();
  const m = f.caseMix;
  const total = m.bySex.H + m.bySex.M;
  return (
    <Figure
      id="age-sex"
      title={t('registry.dash.ageSex')}
      scope={scope}
      count={total}
      denominator={m.denominator}
      definition={m.definition}
      headline={
        <p className="figure-big">
          <span>
            <strong>{total ? formatPercent((m.bySex.M / total) * 100, lang, 0) : '—'}</strong> {t('registry.dash.girls')}
          </span>
          <span>
            <strong>{total ? formatPercent((m.bySex.H / total) * 100, lang, 0) : '—'}</strong> {t('registry.dash.boys')}
          </span>
        </p>
      }
      chart={{ option: ageSexOption(m, t), height: 300, description: t('registry.dash.ageSexDescription') }}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('registry.dash.ageBand')}</th>
              <th scope="col" className="num">
                {t('patients.sexLabel.M')}
              </th>
              <th scope="col" className="num">
                {t('patients.sexLabel.H')}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.byAgeBand.map((b) => (
              <tr key={b.band}>
                <th scope="row">{bandLabel(t, b.band)}</th>
                <td className="num">{formatNumber(b.M, lang)}</td>
                <td className="num">{formatNumber(b.H, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function TimeToTreatmentFigure({ f, scope, lang }: { f: DashboardFigures; scope: FigureScope; lang: string }) {
  const { t } = useTranslation();
  const m = f.timeToTreatment;
  return (
    <Figure
      id="time-to-treatment"
      title={t('registry.dash.timeToTreatment')}
      scope={scope}
      count={m.count}
      denominator={m.denominator}
      countNote={t('registry.dash.within3Note')}
      definition={m.definition}
      headline={
        <p className="figure-big">
          <span>
            <strong data-testid="within3">{formatPercent(m.percentWithin3Days, lang)}</strong> {t('registry.dash.within3')}
          </span>
          <span>
            <strong>{m.medianDays === null ? '—' : formatNumber(m.medianDays, lang)}</strong> {t('registry.dash.medianDays')}
          </span>
        </p>
      }
      chart={{ option: timeToTreatmentOption(m, t), height: 260, description: t('registry.dash.timeToTreatmentDescription') }}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('registry.dash.days')}</th>
              <th scope="col" className="num">
                {t('registry.dash.patients')}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.histogram.map((h) => (
              <tr key={h.days}>
                <th scope="row">{h.days}</th>
                <td className="num">{formatNumber(h.n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function AbandonmentFigure({ f, scope, lang }: { f: DashboardFigures; scope: FigureScope; lang: string }) {
  const { t } = useTranslation();
  const m = f.abandonment;
  const rows = [
    { name: t('patients.pediatricPlural'), s: m.pediatric },
    { name: t('patients.adultPlural'), s: m.adult },
    { name: t('registry.dash.total'), s: { denominator: m.denominator, refused: m.refused, abandoned: m.abandoned } },
  ];
  return (
    <Figure
      id="abandonment"
      title={t('registry.dash.abandonmentTitle')}
      scope={scope}
      count={m.refused + m.abandoned}
      denominator={m.denominator}
      countNote={t('registry.dash.abandonmentNote')}
      definition={m.definition}
      headline={
        <p className="figure-big">
          <span>
            <strong>{formatPercent(m.refusalPercent, lang)}</strong> {t('registry.dash.refusalShort', { n: formatNumber(m.refused, lang) })}
          </span>
          <span>
            <strong>{formatPercent(m.abandonmentPercent, lang)}</strong> {t('registry.dash.abandonmentShort', { n: formatNumber(m.abandoned, lang) })}
          </span>
        </p>
      }
      chart={{ option: abandonmentOption(m, t, lang), height: 260, description: t('registry.dash.abandonmentDescription') }}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('registry.dash.group')}</th>
              <th scope="col" className="num">
                {t('registry.dash.curative')}
              </th>
              <th scope="col" className="num">
                {t('registry.dash.refusal')}
              </th>
              <th scope="col" className="num">
                {t('registry.dash.abandonment')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{formatNumber(r.s.denominator, lang)}</td>
                <td className="num">{formatNumber(r.s.refused, lang)}</td>
                <td className="num">{formatNumber(r.s.abandoned, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function SurvivalFigure({ f, scope, lang }: { f: DashboardFigures; scope: FigureScope; lang: string }) {
  const { t } = useTranslation();
  const m = f.survival;
  const pct = (x: number | null) => (x === null ? '—' : formatPercent(x * 100, lang));
  return (
    <Figure
      id="survival"
      className="figure-wide"
      title={t('registry.dash.survival')}
      scope={scope}
      count={m.count}
      denominator={null}
      countNote={t('registry.dash.survivalNote', { events: formatNumber(m.events, lang) })}
      definition={m.definition}
      chart={m.groups.length ? { option: survivalOption(m.groups, t, lang), height: 380, description: t('registry.dash.survivalDescription') } : null}
      headline={m.groups.length ? undefined : <p className="muted">{t('registry.dash.noSurvival')}</p>}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('registry.dash.group')}</th>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col" className="num">
                {t('registry.dash.deaths')}
              </th>
              <th scope="col" className="num">
                {t('registry.dash.oneYear')}
              </th>
              <th scope="col" className="num">
                {t('registry.dash.threeYear')}
              </th>
            </tr>
          </thead>
          <tbody>
            {m.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">
                  {g.group} · {g.name}
                </th>
                <td className="num">{formatNumber(g.n, lang)}</td>
                <td className="num">{formatNumber(g.events, lang)}</td>
                <td className="num">{pct(g.oneYear)}</td>
                <td className="num">{pct(g.threeYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
