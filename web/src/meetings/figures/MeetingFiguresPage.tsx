import { useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { fieldErrors } from '../../api/client.ts';
import { useSession, useUser } from '../../auth/session.tsx';
import { ErrorAlert, Loading, Notice, PageHeader } from '../../components/feedback.tsx';
import { SelectField, TextField } from '../../components/forms.tsx';
import { formatDate } from '../../lib/format.ts';
import { formatNumber, formatPercent } from '../../patients/format.ts';
import { Figure, type FigureScope } from '../../registry/Figure.tsx';
import '../../registry/registry.css';
import { useAllUnits } from '../../units/api.ts';
import { useMeetingFigures, type MeetingFigures, type ResolutionGroup } from './api.ts';
import { agreementsByAreaOption, daysByGroupOption, perMeetingOption } from './figures-charts.ts';
import { useFiguresText, type FiguresText } from './text.ts';
import './figures.css';

/** Hospitals drawn in the chart (the table lists them all). */
const TOP_HOSPITALS = 15;

const positiveInt = (v: string | null) => {
  const n = v ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * Cifras de seguimiento (/reuniones/cifras): per meeting, cases received, reviewed and resolved;
 * days to resolution by case type and by hospital; agreements open, overdue and done on time by
 * area. Every figure states its scope and its cut of meetings, with the data as a table below.
 */
export function MeetingFiguresPage() {
  const { x, lang } = useFiguresText();
  const user = useUser();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = { from: positiveInt(params.get('desde')), to: positiveInt(params.get('hasta')), unitId: params.get('unidad') ?? undefined };
  const figures = useMeetingFigures(filter);

  const seesCases = can('meetings.manage') || can('cases.read');
  const national = user.allUnits || can('meetings.manage');
  const units = useAllUnits(seesCases && national);
  const unitOptions = useMemo(() => {
    const list = national ? (units.data ?? []) : user.units;
    return [...list].sort((a, b) => a.shortName.localeCompare(b.shortName, 'es')).map((u) => ({ value: u.id, label: u.shortName }));
  }, [national, units.data, user.units]);

  const [draft, setDraft] = useState({ from: params.get('desde') ?? '', to: params.get('hasta') ?? '', unitId: params.get('unidad') ?? '' });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (draft.from.trim()) p.set('desde', draft.from.trim());
    if (draft.to.trim()) p.set('hasta', draft.to.trim());
    if (draft.unitId) p.set('unidad', draft.unitId);
    setParams(p, { replace: true });
  };
  const reset = () => {
    setDraft({ from: '', to: '', unitId: draft.unitId });
    setParams(draft.unitId ? new URLSearchParams({ unidad: draft.unitId }) : new URLSearchParams(), { replace: true });
  };
  const errors = fieldErrors(figures.error);

  return (
    <>
      <PageHeader title={x.title} intro={x.intro} />
      <form className="filters card scope-picker figures-filters" aria-label={x.filters} onSubmit={apply}>
        <div className="filters-fields">
          <TextField
            label={x.from}
            name="desde"
            type="number"
            min={1}
            inputMode="numeric"
            value={draft.from}
            hint={x.fromHint}
            error={errors.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <TextField label={x.to} name="hasta" type="number" min={1} inputMode="numeric" value={draft.to} error={errors.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          {seesCases && unitOptions.length > 1 ? (
            <SelectField
              label={x.unit}
              name="unidad"
              value={draft.unitId}
              placeholder={x.allUnits}
              options={unitOptions}
              onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}
            />
          ) : null}
        </div>
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary">
            {x.apply}
          </button>
          {filter.from || filter.to ? (
            <button type="button" className="btn btn-secondary" onClick={reset}>
              {x.reset}
            </button>
          ) : null}
        </div>
      </form>
      {figures.isPending ? <Loading /> : null}
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      {figures.data ? <FiguresBody f={figures.data} x={x} lang={lang} /> : null}
    </>
  );
}

function FiguresBody({ f, x, lang }: { f: MeetingFigures; x: FiguresText; lang: string }) {
  if (!f.range) return <Notice tone="info">{x.noMeetings}</Notice>;
  const scope: FigureScope = { label: f.scope.label, cutoff: null, cut: f.range.label };
  const n = (v: number) => formatNumber(v, lang);
  const t = f.totals;
  return (
    <>
      <p className="cutoff-line">
        <span className="scope-chip" data-testid="figures-scope">
          {f.scope.label}
        </span>{' '}
        <span data-testid="figures-cut">{f.range.label}</span> · <span>{x.asOf(formatDate(f.today, lang))}</span>
      </p>
      <ul className="stats registry-stats" aria-label={x.statsLabel}>
        <li className="stat stat-primary" data-testid="stat-received">
          <span className="stat-value">{n(t.received)}</span>
          <span className="stat-label">{x.received}</span>
          <span className="stat-sub">{x.receivedSub(n(t.waiting))}</span>
        </li>
        <li className="stat" data-testid="stat-open">
          <span className="stat-value">{n(t.open)}</span>
          <span className="stat-label">{x.open}</span>
          <span className="stat-sub">{t.open ? x.openSub(formatNumber(f.resolution.overall.openMedianDays, lang)) : x.openSubNone}</span>
        </li>
        <li className="stat" data-testid="stat-attended">
          <span className="stat-value">{formatPercent(t.attendedPercent, lang)}</span>
          <span className="stat-label">{x.attended}</span>
          <span className="stat-sub">{x.attendedSub(n(t.attended), n(t.received))}</span>
        </li>
        <li className={`stat ${t.agreementsOverdue ? 'stat-alert' : ''}`} data-testid="stat-overdue">
          <span className="stat-value">{n(t.agreementsOverdue)}</span>
          <span className="stat-label">{x.overdue}</span>
          <span className="stat-sub">{x.overdueSub(n(t.agreementsOpen), n(t.agreementsAdopted))}</span>
        </li>
      </ul>
      <div className="figure-grid">
        <PerMeetingFigure f={f} scope={scope} x={x} lang={lang} />
        <DaysFigure
          id="days-by-category"
          title={x.byCategory}
          groupTitle={x.category}
          rows={f.resolution.byCategory.filter((r) => r.received > 0)}
          f={f}
          scope={scope}
          x={x}
          lang={lang}
          description={x.byCategoryDescription}
        />
        <DaysFigure
          id="days-by-hospital"
          title={x.byHospital}
          groupTitle={x.hospital}
          rows={f.resolution.byHospital.map((h) => ({ ...h, label: h.shortName }))}
          top={TOP_HOSPITALS}
          f={f}
          scope={scope}
          x={x}
          lang={lang}
          description={x.byHospitalDescription}
        />
        <AgreementsFigure f={f} scope={scope} x={x} lang={lang} />
      </div>
    </>
  );
}

function PerMeetingFigure({ f, scope, x, lang }: { f: MeetingFigures; scope: FigureScope; x: FiguresText; lang: string }) {
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  return (
    <Figure
      id="per-meeting"
      className="figure-wide"
      title={x.perMeeting}
      scope={scope}
      count={f.totals.received}
      denominator={null}
      countNote={x.perMeetingNote}
      definition={x.perMeetingDefinition}
      chart={f.perMeeting.length ? { option: perMeetingOption(f.perMeeting, x), height: 320, description: x.perMeetingDescription } : null}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{x.meeting}</th>
              <th scope="col">{x.date}</th>
              <th scope="col" className="num">
                {x.receivedSeries}
              </th>
              <th scope="col" className="num">
                {x.reviewedSeries}
              </th>
              <th scope="col" className="num">
                {x.resolvedSeries}
              </th>
              <th scope="col" className="num">
                {x.adopted}
              </th>
              <th scope="col" className="num">
                {x.openAtClose}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.perMeeting.map((p) => (
              <tr key={p.number}>
                <th scope="row">{p.number}</th>
                <td>{formatDate(p.date, lang)}</td>
                <td className="num">{n(p.received)}</td>
                <td className="num">{n(p.reviewed)}</td>
                <td className="num">{n(p.resolved)}</td>
                <td className="num">{n(p.agreementsAdopted)}</td>
                <td className="num">{n(p.agreementsOpenAtClose)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function DaysFigure({
  id,
  title,
  groupTitle,
  rows,
  top,
  f,
  scope,
  x,
  lang,
  description,
}: {
  id: string;
  title: string;
  groupTitle: string;
  rows: (ResolutionGroup & { label: string })[];
  top?: number;
  f: MeetingFigures;
  scope: FigureScope;
  x: FiguresText;
  lang: string;
  description: string;
}) {
  const o = f.resolution.overall;
  const days = (v: number | null) => formatNumber(v, lang, 1);
  // Top N by cases received (rows arrive most received first), then by median for the chart.
  const charted = (top ? rows.slice(0, top) : rows).filter((r) => r.n > 0).sort((a, b) => (b.medianDays ?? 0) - (a.medianDays ?? 0));
  const topNote = top ? x.byHospitalTop(top, rows.length) : '';
  return (
    <Figure
      id={id}
      title={title}
      scope={scope}
      count={o.n}
      denominator={o.received}
      countNote={x.resolvedNote}
      definition={[f.resolution.definition, topNote].filter(Boolean).join(' ')}
      headline={o.n ? <p className="muted small">{x.resolvedShort(formatNumber(o.n, lang), days(o.medianDays))}</p> : <p className="muted">{x.noResolved}</p>}
      chart={charted.length ? { option: daysByGroupOption(charted, x, lang), height: Math.max(160, 40 + charted.length * 30), description } : null}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{groupTitle}</th>
              <th scope="col" className="num">
                {x.receivedCol}
              </th>
              <th scope="col" className="num">
                {x.resolvedCol}
              </th>
              <th scope="col" className="num">
                {x.median}
              </th>
              <th scope="col" className="num">
                {x.p90}
              </th>
              <th scope="col" className="num">
                {x.openCol}
              </th>
              <th scope="col" className="num">
                {x.openMedian}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatNumber(r.received, lang)}</td>
                <td className="num">{formatNumber(r.n, lang)}</td>
                <td className="num">{days(r.medianDays)}</td>
                <td className="num">{days(r.p90Days)}</td>
                <td className="num">{formatNumber(r.openN, lang)}</td>
                <td className="num">{days(r.openMedianDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function AgreementsFigure({ f, scope, x, lang }: { f: MeetingFigures; scope: FigureScope; x: FiguresText; lang: string }) {
  const a = f.agreements;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <Figure
      id="agreements"
      className="figure-wide"
      title={x.agreements}
      scope={{ ...scope, label: x.agreementsScope }}
      count={a.open}
      denominator={a.total}
      countNote={x.agreementsNote}
      definition={`${a.definition} ${a.scopeNote}`}
      headline={
        a.total ? (
          <p className="figure-big">
            <span>
              <strong data-testid="agreements-overdue">{n(a.overdue)}</strong> {x.overdueSeries.toLowerCase()}
            </span>
            <span>
              <strong>{n(a.open - a.overdue)}</strong> {x.openInTime.toLowerCase()}
            </span>
            <span className="muted small">{x.onTimeHeadline(n(a.doneOnTime), n(a.doneLate))}</span>
          </p>
        ) : (
          <p className="muted">{x.noAgreements}</p>
        )
      }
      chart={a.byArea.length ? { option: agreementsByAreaOption(a.byArea, x), height: Math.max(180, 60 + a.byArea.length * 44), description: x.agreementsDescription } : null}
      table={
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{x.area}</th>
              <th scope="col" className="num">
                {x.total}
              </th>
              <th scope="col" className="num">
                {x.openInTime}
              </th>
              <th scope="col" className="num">
                {x.overdueSeries}
              </th>
              <th scope="col" className="num">
                {x.onTime}
              </th>
              <th scope="col" className="num">
                {x.late}
              </th>
              <th scope="col" className="num">
                {x.withoutDeadline}
              </th>
              <th scope="col" className="num">
                {x.cancelled}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.byArea.map((r) => (
              <tr key={r.area}>
                <th scope="row">{r.area}</th>
                <td className="num">{n(r.total)}</td>
                <td className="num">{n(r.open - r.overdue)}</td>
                <td className="num">{n(r.overdue)}</td>
                <td className="num">{n(r.doneOnTime)}</td>
                <td className="num">{n(r.doneLate)}</td>
                <td className="num">{n(r.doneWithoutDeadline)}</td>
                <td className="num">{n(r.cancelled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
