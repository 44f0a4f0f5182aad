import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { Badge } from '../../components/feedback.tsx';
import { formatDate } from '../../lib/format.ts';
import { formatDay, phoneText } from '../format.ts';
import { GuardianWhatsAppCode } from '../../whatsapp/GuardianWhatsAppCode.tsx';
import { EditPatientDialog } from './EditPatientDialog.tsx';

/** Demographics, guardians, consents, transfers and merges of the record. */
export function DetailsSection({ patient: p, onDone }: { patient: Patient; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
  const none = <span className="muted">—</span>;
  const facts: [string, ReactNode][] = [
    [t('patients.field.curp'), <span className="mono">{p.curp}</span>],
    [t('patients.field.nss'), p.nss ? <span className="mono">{p.nss}</span> : none],
    [t('patients.field.agregado'), p.agregado ? <span className="mono">{p.agregado}</span> : none],
    [t('patients.field.birthDate'), formatDate(p.birthDate, lang)],
    [t('patients.field.sex'), t(`patients.sexLabel.${p.sex}`)],
    [t('patients.field.state'), p.state ?? none],
    [t('patients.field.municipality'), p.municipality ?? none],
    [t('patients.field.address'), p.address ?? none],
    [t('patients.field.unit'), p.unitName],
    [t('patients.field.physicianName'), p.physicianName ?? none],
    [t('record.registeredAt'), formatDay(p.registeredAt, lang)],
    [t('record.lastContact'), p.lastContactOn ? formatDate(p.lastContactOn, lang) : none],
    [t('record.lastTreatment'), p.lastTreatmentOn ? formatDate(p.lastTreatmentOn, lang) : none],
    [t('record.vitalStatus'), `${t(`patients.vital.${p.vitalStatus}`)}${p.deathDate ? ` (${formatDate(p.deathDate, lang)})` : ''}`],
  ];
  return (
    <div className="section-stack">
      <section className="card" aria-labelledby="h-demo">
        <div className="section-bar card-bar">
          <h2 id="h-demo">{t('record.demographics')}</h2>
          {can('patients.write') && !p.mergedInto ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(true)}>
              {t('record.edit')}
            </button>
          ) : null}
        </div>
        <dl className="facts-grid">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="h-guardians">
        <h2 id="h-guardians">{t('patients.form.guardians')}</h2>
        {p.guardians.length === 0 ? (
          <p className="muted">{t('record.noGuardians')}</p>
        ) : (
          <ul className="plain-list guardian-list">
            {p.guardians.map((g) => (
              <li key={g.id}>
                <div>
                  <strong>{g.name}</strong> <span className="muted">· {t(`patients.relationship.${g.relationship}`)}</span>
                  {g.isPrimary ? (
                    <>
                      {' '}
                      <Badge tone="ok">{t('patients.field.isPrimary')}</Badge>
                    </>
                  ) : null}
                </div>
                <div className="small">
                  {g.phone ? (
                    <a href={`tel:+${g.phone}`}>{phoneText(g.phone)}</a>
                  ) : (
                    <span className="muted">{t('record.noPhone')}</span>
                  )}
                  {g.phone && g.whatsapp ? (
                    <>
                      {' '}
                      <Badge tone="info">WhatsApp</Badge>
                    </>
                  ) : null}
                  {g.email ? <span> · {g.email}</span> : null}
                </div>
                {can('patients.write') && !p.mergedInto && g.phone && g.whatsapp ? <GuardianWhatsAppCode patientId={p.id} guardianId={g.id} guardianName={g.name} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="h-consents">
        <h2 id="h-consents">{t('patients.form.consents')}</h2>
        {p.consents.length === 0 ? (
          <p className="alert alert-warning">{t('record.noPrivacyNotice')}</p>
        ) : (
          <ul className="plain-list">
            {p.consents.map((c) => (
              <li key={c.id}>
                <strong>{t(`patients.consentKind.${c.kind}`)}</strong>:{' '}
                {t('record.consentBy', { by: c.grantedBy, date: formatDate(c.grantedOn, lang) })}
                {c.revokedOn ? <Badge tone="danger">{t('record.revoked', { date: formatDate(c.revokedOn, lang) })}</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {editing ? (
        <EditPatientDialog
          patient={p}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onDone(t('record.edited'));
          }}
        />
      ) : null}
      {p.transfers.length || p.merges.length ? (
        <section className="card" aria-labelledby="h-history">
          <h2 id="h-history">{t('record.history')}</h2>
          <ul className="plain-list">
            {p.transfers.map((x) => (
              <li key={x.id}>
                {t('record.transferLine', { from: x.fromUnitName, to: x.toUnitName, date: formatDate(x.transferredOn, lang) })}{' '}
                <span className="muted">«{x.reason}»</span>
              </li>
            ))}
            {p.merges.map((m) => (
              <li key={m.mergedId}>
                {t('record.mergeLine', { curp: m.mergedCurp, date: formatDay(m.mergedAt, lang) })} <span className="muted">«{m.reason}»</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
