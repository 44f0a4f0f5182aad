import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useFlows } from './api.ts';
import { WhatsAppTabs } from './WhatsAppTabs.tsx';

/** Flujos del ChatBot (/whatsapp/flujos): the published flows. */
export function FlowsPage() {
  const { t, i18n } = useTranslation();
  const flows = useFlows();
  return (
    <>
      <WhatsAppTabs />
      <PageHeader title={t('whatsapp.flows.title')} intro={t('whatsapp.flows.intro')} />
      {flows.isPending ? <Loading /> : null}
      {flows.isError ? <ErrorAlert error={flows.error} /> : null}
      {flows.data ? (
        flows.data.items.length ? (
          <div className="table-wrap card">
            <table className="table">
              <caption className="visually-hidden">{t('whatsapp.flows.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('whatsapp.flows.col.name')}</th>
                  <th scope="col">{t('whatsapp.flows.col.key')}</th>
                  <th scope="col" className="num">
                    {t('whatsapp.flows.col.version')}
                  </th>
                  <th scope="col">{t('whatsapp.flows.col.updated')}</th>
                  <th scope="col">{t('whatsapp.flows.col.by')}</th>
                </tr>
              </thead>
              <tbody>
                {flows.data.items.map((f) => (
                  <tr key={f.key}>
                    <th scope="row">
                      <Link to={`/whatsapp/flujos/${f.key}`}>{f.name}</Link>
                    </th>
                    <td className="mono">{f.key}</td>
                    <td className="num">{f.version}</td>
                    <td>{formatDateTime(f.updatedAt, i18n.language)}</td>
                    <td>{f.updatedBy?.displayName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('whatsapp.flows.empty')}</p>
        )
      ) : null}
    </>
  );
}
