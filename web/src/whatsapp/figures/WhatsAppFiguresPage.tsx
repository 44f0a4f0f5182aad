import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fieldErrors } from '../../api/client.ts';
import { ErrorAlert, Loading, PageHeader } from '../../components/feedback.tsx';
import { TextField } from '../../components/forms.tsx';
import { formatDate, todayInMexico } from '../../lib/format.ts';
import { formatNumber } from '../../patients/format.ts';
import { Figure, type FigureScope } from '../../registry/Figure.tsx';
import '../../registry/registry.css';
import { useFigures } from '../api.ts';
import type { WaFigures } from '../types.ts';
import { WhatsAppTabs } from '../WhatsAppTabs.tsx';
import { COLORS, dailyBarsOption } from './charts.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const addDays = (ymd: string, n: number) => {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n, 12)).toISOString().slice(0, 10);
};

/** Cifras del ChatBot (/whatsapp/cifras): per day in Mexico City, the last 30 days unless chosen. */
export function WhatsAppFiguresPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const today = todayInMexico();
  const from = DAY.test(params.get('desde') ?? '') ? params.get('desde')! : addDays(today, -29);
  const to = DAY.test(params.get('hasta') ?? '') ? params.get('hasta')! : today;
  const figures = useFigures(from, to);
  const [draft, setDraft] = useState({ from, to });
  const [orderError, setOrderError] = useState<string | undefined>();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setOrderError(t('whatsapp.figures.errors.order'));
      return;
    }
    setOrderError(undefined);
    const p = new URLSearchParams();
    if (draft.from) p.set('desde', draft.from);
    if (draft.to) p.set('hasta', draft.to);
    setParams(p, { replace: true });
  };
  const errors = fieldErrors(figures.error);

  return (
    <>
      <WhatsAppTabs />
      <PageHeader title={t('whatsapp.figures.title')} intro={t('whatsapp.figures.intro')} />
      <form className="filters card scope-picker wa-figures-filters" aria-label={t('whatsapp.figures.filters')} onSubmit={apply} noValidate>
        <div className="filters-fields">
          <TextField label={t('whatsapp.figures.from')} name="desde" type="date" value={draft.from} error={orderError ?? errors.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <TextField label={t('whatsapp.figures.to')} name="hasta" type="date" value={draft.to} error={errors.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="filters-actions">
          <button type="submit" className="btn btn-primary">
            {t('whatsapp.figures.apply')}
          </button>
        </div>
      </form>
      {figures.isPending ? <Loading /> : null}
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      {figures.data ? <FiguresBody f={figures.data} lang={lang} /> : null}
    </>
  );
}

function FiguresBody({ f, lang }: { f: WaFigures; lang: string }) {
  const { t } = useTranslation();
  const n = (v: number) => formatNumber(v, lang);
  const scope: FigureScope = { label: t('whatsapp.figures.scope'), cutoff: null, cut: t('whatsapp.figures.range', { from: formatDate(f.from, lang), to: formatDate(f.to, lang) }) };
  const inbound = f.days.reduce((s, d) => s + d.inbound, 0);
  const outbound = f.days.reduce((s, d) => s + d.outbound, 0);
  const failed = f.days.reduce((s, d) => s + d.failed, 0);
  const hasMessages = inbound + outbound + failed > 0;
  const hasCreated = f.casesCreated + f.supplyRequestsCreated > 0;
  return (
    <>
      <ul className="stats registry-stats" aria-label={t('whatsapp.figures.kpis')}>
        <li className="stat stat-primary" data-testid="stat-median-reply">
          <span className="stat-value">{f.medianFirstHumanReplyMinutes === null ? '—' : formatNumber(f.medianFirstHumanReplyMinutes, lang, 1)}</span>
          <span className="stat-label">{t('whatsapp.figures.medianReply')}</span>
          {f.medianFirstHumanReplyMinutes === null ? <span className="stat-sub">{t('whatsapp.figures.medianReplyNone')}</span> : null}
        </li>
        <li className="stat" data-testid="stat-handovers">
          <span className="stat-value">{n(f.handovers)}</span>
          <span className="stat-label">{t('whatsapp.figures.handovers')}</span>
        </li>
        <li className="stat" data-testid="stat-verified">
          <span className="stat-value">{n(f.verifiedContacts)}</span>
          <span className="stat-label">{t('whatsapp.figures.verified')}</span>
          <span className="stat-sub">{t('whatsapp.figures.verifiedSub', { total: n(f.contacts) })}</span>
        </li>
        <li className="stat" data-testid="stat-optouts">
          <span className="stat-value">{n(f.optOuts)}</span>
          <span className="stat-label">{t('whatsapp.figures.optOuts')}</span>
        </li>
      </ul>
      <div className="figure-grid">
        <Figure
          id="wa-messages"
          className="figure-wide"
          title={t('whatsapp.figures.messages')}
          scope={scope}
          count={inbound + outbound}
          denominator={null}
          countNote={t('whatsapp.figures.messagesNote')}
          definition={t('whatsapp.figures.messagesDefinition')}
          headline={hasMessages ? null : <p className="muted">{t('whatsapp.figures.noData')}</p>}
          chart={
            hasMessages
              ? {
                  option: dailyBarsOption(
                    f.days.map((d) => d.day),
                    [
                      { name: t('whatsapp.figures.inbound'), color: COLORS.primary, data: f.days.map((d) => d.inbound) },
                      { name: t('whatsapp.figures.outbound'), color: COLORS.light, data: f.days.map((d) => d.outbound) },
                      { name: t('whatsapp.figures.failed'), color: COLORS.red, data: f.days.map((d) => d.failed) },
                    ],
                  ),
                  height: 300,
                  description: t('whatsapp.figures.messagesDescription'),
                }
              : null
          }
          table={
            <DayTable
              headers={[t('whatsapp.figures.inbound'), t('whatsapp.figures.outbound'), t('whatsapp.figures.failed')]}
              rows={f.days.map((d) => [d.day, [d.inbound, d.outbound, d.failed]])}
              totals={[inbound, outbound, failed]}
              lang={lang}
            />
          }
        />
        <Figure
          id="wa-created"
          title={t('whatsapp.figures.created')}
          scope={scope}
          count={f.casesCreated + f.supplyRequestsCreated}
          denominator={null}
          countNote={t('whatsapp.figures.createdNote')}
          definition={t('whatsapp.figures.createdDefinition')}
          headline={
            <p className="figure-big">
              <span>
                <strong data-testid="wa-cases-created">{n(f.casesCreated)}</strong> {t('whatsapp.figures.cases').toLowerCase()}
              </span>
              <span>
                <strong data-testid="wa-supply-created">{n(f.supplyRequestsCreated)}</strong> {t('whatsapp.figures.supplyRequests').toLowerCase()}
              </span>
            </p>
          }
          chart={
            hasCreated
              ? {
                  option: dailyBarsOption(
                    f.casesByDay.map((d) => d.day),
                    [
                      { name: t('whatsapp.figures.cases'), color: COLORS.primary, data: f.casesByDay.map((d) => d.cases), stack: 'created' },
                      { name: t('whatsapp.figures.supplyRequests'), color: COLORS.gold, data: f.casesByDay.map((d) => d.supplyRequests), stack: 'created' },
                    ],
                  ),
                  height: 260,
                  description: t('whatsapp.figures.createdDescription'),
                }
              : null
          }
          table={
            <DayTable
              headers={[t('whatsapp.figures.cases'), t('whatsapp.figures.supplyRequests')]}
              rows={f.casesByDay.map((d) => [d.day, [d.cases, d.supplyRequests]])}
              totals={[f.casesCreated, f.supplyRequestsCreated]}
              lang={lang}
            />
          }
        />
        <Figure
          id="wa-optouts"
          title={t('whatsapp.figures.optOutsChart')}
          scope={scope}
          count={f.optOuts}
          denominator={null}
          countNote={t('whatsapp.figures.optOutsNote')}
          definition={t('whatsapp.figures.optOutsDefinition')}
          headline={f.optOuts ? null : <p className="muted">{t('whatsapp.figures.noData')}</p>}
          chart={
            f.optOuts
              ? {
                  option: dailyBarsOption(
                    f.optOutsByDay.map((d) => d.day),
                    [{ name: t('whatsapp.figures.optOuts'), color: COLORS.amber, data: f.optOutsByDay.map((d) => d.n) }],
                  ),
                  height: 260,
                  description: t('whatsapp.figures.optOutsDescription'),
                }
              : null
          }
          table={<DayTable headers={[t('whatsapp.figures.optOuts')]} rows={f.optOutsByDay.map((d) => [d.day, [d.n]])} totals={[f.optOuts]} lang={lang} />}
        />
      </div>
    </>
  );
}

function DayTable({ headers, rows, totals, lang }: { headers: string[]; rows: [string, number[]][]; totals: number[]; lang: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <table className="table table-compact">
      <thead>
        <tr>
          <th scope="col">{t('whatsapp.figures.day')}</th>
          {headers.map((h) => (
            <th key={h} scope="col" className="num">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([day, values]) => (
          <tr key={day}>
            <th scope="row">{formatDate(day, lang)}</th>
            {values.map((v, i) => (
              <td key={i} className="num">
                {formatNumber(v, lang)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('whatsapp.figures.total')}</th>
          {totals.map((v, i) => (
            <td key={i} className="num">
              {formatNumber(v, lang)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
