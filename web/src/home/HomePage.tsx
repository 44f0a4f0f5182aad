import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.tsx';
import { ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { mexicoHour } from '../lib/format.ts';
import { roleName } from '../lib/labels.ts';
import { useAllUnits } from '../units/api.ts';
import type { StateRow } from './NetworkChart.tsx';

const NetworkChart = lazy(() => import('./NetworkChart.tsx'));

/** "Médica oncóloga pediatra (Pediatría CMN Siglo XXI)" → "Médica oncóloga pediatra". */
function firstName(displayName: string): string {
  return displayName.replace(/\s*\(.*\)\s*$/, '').trim() || displayName;
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const hour = mexicoHour();
  const greetingKey = hour < 12 ? 'morning' : hour < 19 ? 'afternoon' : 'evening';
  const canReadUnits = user.permissions.includes('units.read');
  const hasAnyPermission = user.permissions.length > 0;

  return (
    <>
      <PageHeader title={t(`home.greeting.${greetingKey}`, { name: firstName(user.displayName) })} />
      <section className="card access-card" aria-labelledby="access-title">
        <h2 id="access-title">{t('home.yourAccess')}</h2>
        <dl className="access-list">
          <div>
            <dt>{t('home.rolesLabel', { count: user.roles.length })}</dt>
            <dd>
              <ul className="chip-list">
                {user.roles.map((r) => (
                  <li key={r} className="chip">
                    {roleName(t, r, user.roleNames[r])}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          {hasAnyPermission ? (
            <div>
              <dt>{t('home.scopeLabel')}</dt>
              <dd>
                {user.allUnits ? (
                  <p>{t('home.seesAll')}</p>
                ) : user.units.length ? (
                  <>
                    <p>{t('home.seesUnits')}</p>
                    <ul className="unit-scope-list">
                      {user.units.map((u) => (
                        <li key={u.id}>
                          <strong>{u.shortName}</strong> <span className="muted">· {u.clues}</span>
                          <br />
                          <span className="muted small">{u.name}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{t('home.noUnits')}</p>
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {canReadUnits ? <NetworkOverview /> : <PortalComing roles={user.roles} />}
    </>
  );
}

function PortalComing({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  const text = roles.includes('guardian') ? t('home.portal.guardian') : roles.includes('donor') ? t('home.portal.donor') : t('home.portal.other');
  return (
    <section className="card portal-card" aria-labelledby="portal-title">
      <h2 id="portal-title">{t('home.portal.title')}</h2>
      <p>{text}</p>
      <p className="muted">{t('home.portal.meanwhile')}</p>
    </section>
  );
}

function NetworkOverview() {
  const { t } = useTranslation();
  const units = useAllUnits();

  const summary = useMemo(() => {
    const list = units.data ?? [];
    const byState = new Map<string, StateRow>();
    for (const u of list) {
      const row = byState.get(u.state) ?? { state: u.state, umae: 0, second: 0 };
      if (u.level === 'UMAE') row.umae++;
      else row.second++;
      byState.set(u.state, row);
    }
    const rows = [...byState.values()].sort((a, b) => b.umae + b.second - (a.umae + a.second) || a.state.localeCompare(b.state, 'es'));
    return {
      total: list.length,
      active: list.filter((u) => u.active).length,
      umae: list.filter((u) => u.level === 'UMAE').length,
      second: list.filter((u) => u.level === 'SECOND_LEVEL').length,
      oncocrean: list.filter((u) => u.isOncocrean).length,
      rows,
    };
  }, [units.data]);

  return (
    <section className="network" aria-labelledby="network-title">
      <div className="section-header">
        <div>
          <h2 id="network-title">{t('home.network.title')}</h2>
          <p className="muted">{t('home.network.intro')}</p>
        </div>
        <Link to="/unidades" className="btn btn-secondary">
          {t('home.network.seeUnits')}
        </Link>
      </div>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <ErrorAlert error={units.error} /> : null}
      {units.data ? (
        <>
          <ul className="stats" aria-label={t('home.network.title')}>
            <li className="stat stat-primary">
              <span className="stat-value">{summary.total}</span>
              <span className="stat-label">{t('home.network.total')}</span>
              <span className="stat-sub">{t('home.network.active', { count: summary.active })}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{summary.umae}</span>
              <span className="stat-label">{t('home.network.umae')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{summary.second}</span>
              <span className="stat-label">{t('home.network.second')}</span>
            </li>
            <li className="stat">
              <span className="stat-value">{summary.oncocrean}</span>
              <span className="stat-label">{t('home.network.oncocrean')}</span>
            </li>
          </ul>
          <figure className="card chart-card">
            <figcaption>
              <h3>{t('home.network.chartTitle')}</h3>
            </figcaption>
            <Suspense fallback={<Loading />}>
              <NetworkChart rows={summary.rows} />
            </Suspense>
            <details className="chart-table">
              <summary>{t('home.network.tableToggle')}</summary>
              <div className="table-wrap">
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('home.network.state')}</th>
                      <th scope="col" className="num">
                        {t('units.levels.UMAE')}
                      </th>
                      <th scope="col" className="num">
                        {t('units.levels.SECOND_LEVEL')}
                      </th>
                      <th scope="col" className="num">
                        {t('home.network.totalCol')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.rows.map((r) => (
                      <tr key={r.state}>
                        <th scope="row">{r.state}</th>
                        <td className="num">{r.umae}</td>
                        <td className="num">{r.second}</td>
                        <td className="num">{r.umae + r.second}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </figure>
        </>
      ) : null}
    </section>
  );
}
