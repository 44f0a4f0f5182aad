import { useTranslation } from 'react-i18next';
import { Navigate, NavLink } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useSimulatorInfo } from './api.ts';
import '../patients/patients.css';
import './whatsapp.css';

/** The sections of the WhatsApp area, as one row of links under the single "WhatsApp" nav entry. */
export function WhatsAppTabs() {
  const { t } = useTranslation();
  const { can } = useSession();
  const inbox = can('whatsapp.inbox');
  const simulator = useSimulatorInfo(inbox);
  const tabs: { to: string; label: string }[] = [];
  if (inbox) tabs.push({ to: '/whatsapp/bandeja', label: t('whatsapp.tabs.inbox') });
  if (inbox && simulator.data?.enabled) tabs.push({ to: '/whatsapp/simulador', label: t('whatsapp.tabs.simulator') });
  if (can('whatsapp.figures')) tabs.push({ to: '/whatsapp/cifras', label: t('whatsapp.tabs.figures') });
  if (inbox || can('whatsapp.manage')) tabs.push({ to: '/whatsapp/flujos', label: t('whatsapp.tabs.flows') });
  return (
    <nav className="wa-tabs" aria-label={t('whatsapp.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to}>{tab.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /whatsapp: the first section this person may open. */
export function WhatsAppIndex() {
  const { can } = useSession();
  const to = can('whatsapp.inbox') ? '/whatsapp/bandeja' : can('whatsapp.figures') ? '/whatsapp/cifras' : '/whatsapp/flujos';
  return <Navigate to={to} replace />;
}
