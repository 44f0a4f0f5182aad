import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { RELATIONSHIPS, type DuplicateCandidate, type Patient, type PatientInput, type Relationship, type Sex } from '../api/types.ts';
import { ErrorAlert, PageHeader } from '../components/feedback.tsx';
import { CheckboxField, SelectField, TextField } from '../components/forms.tsx';
import { formatDate, todayInMexico } from '../lib/format.ts';
import './patients.css';
import { STATES } from '../units/api.ts';
import { useVisibleUnits } from './api.ts';
import { checkCurp, CURP_STATES, liveCurpProblem, normalizeCurp } from './curp.ts';
import { ageParts, ageText } from './format.ts';
import { normalizeNss, nssProblem } from './nss.ts';
import { curpProblemText, emailProblem, nssProblemText, pastDateProblem, phoneProblem, serverFieldErrors } from './validation.ts';

interface Values {
  curp: string;
  nss: string;
  agregado: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  birthDate: string;
  sex: Sex | '';
  state: string;
  municipality: string;
  address: string;
  unitId: string;
  physicianName: string;
}

interface GuardianDraft {
  key: number;
  name: string;
  relationship: Relationship | '';
  phone: string;
  whatsapp: boolean;
  email: string;
}

type TextKey = Exclude<keyof Values, 'sex'>;

let guardianSeq = 0;
const blankGuardian = (): GuardianDraft => ({ key: ++guardianSeq, name: '', relationship: '', phone: '', whatsapp: true, email: '' });

/** Waits until the value has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Registration of a patient: the CURP is checked while it is typed and fills the birth date and
 * sex; every field says what is wrong as soon as it is left; possible duplicates are shown
 * before saving; guardians and the privacy-notice consent are recorded with the patient.
 */
export function NewPatientPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { units } = useVisibleUnits();
  const idempotencyKey = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);

  const [values, setValues] = useState<Values>({
    curp: '',
    nss: '',
    agregado: '',
    givenNames: '',
    firstSurname: '',
    secondSurname: '',
    birthDate: '',
    sex: '',
    state: '',
    municipality: '',
    address: '',
    unitId: '',
    physicianName: '',
  });
  const [guardians, setGuardians] = useState<GuardianDraft[]>(() => [blankGuardian()]);
  const [primary, setPrimary] = useState(0);
  const [privacy, setPrivacy] = useState({ accepted: false, grantedBy: '', grantedOn: todayInMexico() });
  const [treatmentConsent, setTreatmentConsent] = useState(false);
  const [acceptMismatch, setAcceptMismatch] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // Values the CURP filled in (so a later CURP change may update them, but never a typed value).
  const autoFilled = useRef<{ birthDate?: string; sex?: string; state?: string }>({});

  // The only unit of a unit's staff is chosen from the start.
  useEffect(() => {
    if (!values.unitId && units.length === 1) setValues((v) => ({ ...v, unitId: units[0]!.id }));
  }, [units, values.unitId]);

  const curpCheck = useMemo(() => checkCurp(values.curp), [values.curp]);
  const curpInfo = curpCheck.ok ? curpCheck.info : null;

  const touch = (name: string) => setTouched((s) => (s.has(name) ? s : new Set(s).add(name)));
  const clearServer = (name: string) =>
    setServerErrors((e) => {
      if (!(name in e)) return e;
      const { [name]: _gone, ...rest } = e;
      return rest;
    });

  const setField = <K extends keyof Values>(k: K, v: Values[K]) => {
    clearServer(k);
    setValues((s) => ({ ...s, [k]: v }));
  };

  const onCurpChange = (raw: string) => {
    const curp = normalizeCurp(raw).slice(0, 18);
    clearServer('curp');
    setValues((s) => {
      const next = { ...s, curp };
      const r = checkCurp(curp);
      if (r.ok) {
        // Fill what the CURP says where the person has not typed something else.
        const a = autoFilled.current;
        if (!s.birthDate || s.birthDate === a.birthDate) {
          next.birthDate = r.info.birthDate;
          a.birthDate = r.info.birthDate;
        }
        if (r.info.sex !== 'X' && (!s.sex || s.sex === a.sex)) {
          next.sex = r.info.sex;
          a.sex = r.info.sex;
        }
        const state = CURP_STATES[r.info.stateCode];
        if (state && (!s.state || s.state === a.state)) {
          next.state = state;
          a.state = state;
        }
      }
      return next;
    });
  };

  // ---- client-side checks (Spanish, next to each field) -------------------------------------
  const required = (v: string) => (v.trim() ? undefined : t('patients.form.errors.required'));
  const curpLive = liveCurpProblem(values.curp);
  const clientErrors: Record<string, string | undefined> = {
    curp: curpLive ? curpProblemText(t, curpLive) : !curpCheck.ok && curpCheck.problem.key !== 'empty' ? curpProblemText(t, curpCheck.problem) : required(values.curp),
    nss: (() => {
      const p = nssProblem(values.nss, touched.has('nss') || submitted);
      return p ? nssProblemText(t, p) : undefined;
    })(),
    givenNames: required(values.givenNames),
    firstSurname: required(values.firstSurname),
    birthDate: pastDateProblem(t, values.birthDate),
    sex: values.sex ? undefined : t('patients.form.errors.choose'),
    unitId: values.unitId ? undefined : t('patients.form.errors.chooseUnit'),
    'consents.privacy': privacy.accepted ? undefined : t('patients.form.errors.privacy'),
    'consents.grantedBy': privacy.accepted && !privacy.grantedBy.trim() ? t('patients.form.errors.required') : undefined,
    'consents.grantedOn': privacy.accepted ? pastDateProblem(t, privacy.grantedOn) : undefined,
  };
  guardians.forEach((g, i) => {
    const filled = g.name.trim() || g.phone.trim() || g.email.trim() || g.relationship;
    clientErrors[`guardians.${i}.name`] = filled || i === 0 ? required(g.name) : undefined;
    clientErrors[`guardians.${i}.relationship`] = (filled || i === 0) && !g.relationship ? t('patients.form.errors.choose') : undefined;
    clientErrors[`guardians.${i}.phone`] = phoneProblem(t, g.phone) ?? (g.whatsapp && (filled || i === 0) && !g.phone.trim() ? t('patients.form.errors.phoneForWhatsapp') : undefined);
    clientErrors[`guardians.${i}.email`] = emailProblem(t, g.email);
  });

  // The CURP and the typed data disagree: say so next to the field; saving needs a confirmation.
  const mismatch = {
    birthDate: curpInfo && values.birthDate && values.birthDate !== curpInfo.birthDate ? t('patients.form.mismatchBirthDate', { date: formatDate(curpInfo.birthDate, i18n.language) }) : undefined,
    sex: curpInfo && curpInfo.sex !== 'X' && values.sex && values.sex !== curpInfo.sex ? t('patients.form.mismatchSex', { sex: t(`patients.sexLong.${curpInfo.sex}`) }) : undefined,
  };
  const hasMismatch = Boolean(mismatch.birthDate || mismatch.sex);
  if (hasMismatch && !acceptMismatch) clientErrors.acceptMismatch = t('patients.form.errors.confirmMismatch');

  /** The message shown next to a field: the server's, else ours once the field was left or the form submitted. */
  const errorOf = (name: string, live = false): string | undefined =>
    serverErrors[name] ?? (live || submitted || touched.has(name) ? clientErrors[name] : undefined);

  // ---- possible duplicates, asked while typing -----------------------------------------------
  const dupQuery = useDebounced(
    curpCheck.ok
      ? { curp: curpCheck.curp, givenNames: values.givenNames.trim(), firstSurname: values.firstSurname.trim(), secondSurname: values.secondSurname.trim(), birthDate: values.birthDate }
      : values.givenNames.trim() && values.firstSurname.trim() && !pastDateProblem(t, values.birthDate)
        ? { givenNames: values.givenNames.trim(), firstSurname: values.firstSurname.trim(), secondSurname: values.secondSurname.trim(), birthDate: values.birthDate }
        : null,
    350,
  );
  const duplicates = useQuery({
    queryKey: ['patients', 'duplicates', dupQuery],
    queryFn: ({ signal }) => api<{ items: DuplicateCandidate[] }>('/api/patients/duplicates', { query: { ...dupQuery }, signal }),
    enabled: dupQuery !== null,
    staleTime: 5_000,
  });
  const candidates = dupQuery ? (duplicates.data?.items ?? []) : [];
  const sameCurp = candidates.find((c) => c.reason === 'SAME_CURP');

  // ---- saving ----------------------------------------------------------------------------------
  const buildBody = (): PatientInput => {
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const body: PatientInput = {
      curp: values.curp,
      givenNames: values.givenNames.trim(),
      firstSurname: values.firstSurname.trim(),
      birthDate: values.birthDate,
      sex: values.sex as Sex,
      unitId: values.unitId,
      guardians: guardians
        .map((g, i) => ({ g, i }))
        .filter(({ g }) => g.name.trim())
        .map(({ g, i }) => ({
          name: g.name.trim(),
          relationship: g.relationship as Relationship,
          ...(g.phone.trim() ? { phone: g.phone.trim() } : {}),
          whatsapp: g.whatsapp && Boolean(g.phone.trim()),
          ...(g.email.trim() ? { email: g.email.trim() } : {}),
          isPrimary: i === primary,
        })),
      consents: [],
    };
    const extra: Partial<PatientInput> = {
      nss: values.nss ? normalizeNss(values.nss) : undefined,
      agregado: opt(values.agregado)?.toUpperCase(),
      secondSurname: opt(values.secondSurname),
      state: opt(values.state),
      municipality: opt(values.municipality),
      address: opt(values.address),
      physicianName: opt(values.physicianName),
    };
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) (body as unknown as Record<string, unknown>)[k] = v;
    if (privacy.accepted) body.consents.push({ kind: 'PRIVACY_NOTICE', grantedBy: privacy.grantedBy.trim(), grantedOn: privacy.grantedOn });
    if (treatmentConsent && privacy.accepted) body.consents.push({ kind: 'TREATMENT', grantedBy: privacy.grantedBy.trim(), grantedOn: privacy.grantedOn });
    if (hasMismatch && acceptMismatch) body.acceptCurpMismatch = true;
    return body;
  };

  const save = useMutation({
    mutationFn: (body: PatientInput) => api<Patient>('/api/patients', { method: 'POST', body, idempotencyKey: idempotencyKey(body) }),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      queryClient.setQueryData(['patients', 'detail', p.id], p);
      navigate(`/pacientes/${p.id}`, { state: { created: true } });
    },
    onError: (err) => {
      setServerErrors(mapServerErrors(err));
      focusFirstError();
    },
  });

  /** consents.0.grantedBy → the privacy fields; the rest by path. */
  const mapServerErrors = (err: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, m] of Object.entries(serverFieldErrors(err))) {
      const c = /^consents\.\d+\.(grantedBy|grantedOn)$/.exec(k);
      out[c ? `consents.${c[1]}` : k] = m;
    }
    return out;
  };

  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setServerErrors({});
    if (Object.values(clientErrors).some(Boolean)) {
      focusFirstError();
      return;
    }
    save.mutate(buildBody());
  };

  const errorCount = submitted ? Object.values(clientErrors).filter(Boolean).length : 0;
  const age = values.birthDate && !clientErrors.birthDate ? ageParts(values.birthDate) : null;
  const stateOptions = STATES.map((s) => ({ value: s, label: s }));

  const textProps = (k: TextKey) => ({
    name: k,
    value: values[k],
    onChange: (e: { target: { value: string } }) => setField(k, e.target.value),
    onBlur: () => touch(k),
    error: errorOf(k),
  });

  const setGuardian = (i: number, patch: Partial<GuardianDraft>) => {
    for (const k of Object.keys(patch)) clearServer(`guardians.${i}.${k}`);
    setGuardians((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  };

  const primaryName = guardians[primary]?.name.trim() ?? '';
  const lastOffered = useRef('');
  // The privacy notice is usually accepted by the primary guardian: offer the name.
  useEffect(() => {
    const offered = lastOffered.current;
    setPrivacy((p) => (p.grantedBy && p.grantedBy !== offered ? p : { ...p, grantedBy: primaryName }));
    lastOffered.current = primaryName;
  }, [primaryName]);

  return (
    <>
      <PageHeader title={t('patients.form.title')} intro={t('patients.form.intro')} />
      <form ref={formRef} className="patient-form" onSubmit={onSubmit} noValidate aria-describedby="patient-form-required">
        <p className="small muted" id="patient-form-required">
          {t('patients.form.requiredNote')}
        </p>
        {save.error && !(save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' && Object.keys(serverErrors).length > 0) ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {errorCount > 0 || (save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED' && Object.keys(serverErrors).length > 0) ? (
          <div className="alert alert-error" role="alert">
            <div>
              <p className="alert-title">{t('patients.form.fixErrors', { count: Math.max(errorCount, Object.keys(serverErrors).length) })}</p>
            </div>
          </div>
        ) : null}

        <section className="card form-section" aria-labelledby="sec-id">
          <h2 id="sec-id">{t('patients.form.identification')}</h2>
          <div className="form-grid">
            <TextField
              label={t('patients.field.curp')}
              name="curp"
              value={values.curp}
              onChange={(e) => onCurpChange(e.target.value)}
              onBlur={() => touch('curp')}
              error={serverErrors.curp ?? (curpLive || touched.has('curp') || submitted ? clientErrors.curp : undefined)}
              hint={
                curpInfo ? (
                  <span className="curp-ok">
                    <span aria-hidden="true">✓ </span>
                    {t('patients.form.curpDecoded', {
                      date: formatDate(curpInfo.birthDate, i18n.language),
                      sex: t(`patients.sexLong.${curpInfo.sex}`),
                      state: CURP_STATES[curpInfo.stateCode] ?? t('patients.form.bornAbroad'),
                    })}
                  </span>
                ) : (
                  t('patients.field.curpHint')
                )
              }
              className="mono"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={18}
              span="full"
              required
            />
            <TextField
              label={t('patients.field.nss')}
              {...textProps('nss')}
              onChange={(e) => setField('nss', e.target.value.replace(/[^\d\s-]/g, ''))}
              error={errorOf('nss', nssProblem(values.nss, false) !== null)}
              hint={t('patients.field.nssHint')}
              inputMode="numeric"
              className="mono"
              autoComplete="off"
              maxLength={13}
            />
            <TextField label={t('patients.field.agregado')} {...textProps('agregado')} hint={t('patients.field.agregadoHint')} className="mono" autoComplete="off" maxLength={20} />
            <TextField label={t('patients.field.givenNames')} {...textProps('givenNames')} autoComplete="off" span="full" required />
            <TextField label={t('patients.field.firstSurname')} {...textProps('firstSurname')} autoComplete="off" required />
            <TextField label={t('patients.field.secondSurname')} {...textProps('secondSurname')} autoComplete="off" />
            <TextField
              label={t('patients.field.birthDate')}
              type="date"
              {...textProps('birthDate')}
              error={errorOf('birthDate') ?? mismatch.birthDate}
              max={todayInMexico()}
              min="1900-01-01"
              hint={age ? t(age.years < 18 ? 'patients.form.agePediatric' : 'patients.form.ageAdult', { age: ageText(t, values.birthDate) }) : t('patients.field.birthDateHint')}
              required
            />
            <SelectField
              label={t('patients.field.sex')}
              name="sex"
              value={values.sex}
              onChange={(e) => setField('sex', e.target.value as Sex | '')}
              onBlur={() => touch('sex')}
              error={errorOf('sex') ?? mismatch.sex}
              placeholder={t('patients.form.choose')}
              options={[
                { value: 'M', label: t('patients.sexLabel.M') },
                { value: 'H', label: t('patients.sexLabel.H') },
              ]}
              required
            />
            {hasMismatch ? (
              <CheckboxField
                label={t('patients.form.acceptMismatch')}
                hint={t('patients.form.acceptMismatchHint')}
                name="acceptCurpMismatch"
                checked={acceptMismatch}
                onChange={(e) => setAcceptMismatch(e.target.checked)}
                error={submitted ? clientErrors.acceptMismatch : undefined}
                span="full"
              />
            ) : null}
          </div>
        </section>

        <DuplicatesPanel candidates={candidates} loading={duplicates.isFetching && dupQuery !== null} asked={dupQuery !== null} sameCurp={Boolean(sameCurp)} />

        <section className="card form-section" aria-labelledby="sec-care">
          <h2 id="sec-care">{t('patients.form.care')}</h2>
          <div className="form-grid">
            <SelectField
              label={t('patients.field.unit')}
              name="unitId"
              value={values.unitId}
              onChange={(e) => setField('unitId', e.target.value)}
              onBlur={() => touch('unitId')}
              error={errorOf('unitId')}
              placeholder={t('patients.form.chooseUnit')}
              options={units.map((u) => ({ value: u.id, label: u.shortName }))}
              required
            />
            <TextField label={t('patients.field.physicianName')} {...textProps('physicianName')} autoComplete="off" />
          </div>
        </section>

        <section className="card form-section" aria-labelledby="sec-address">
          <h2 id="sec-address">{t('patients.form.address')}</h2>
          <div className="form-grid">
            <SelectField
              label={t('patients.field.state')}
              name="state"
              value={values.state}
              onChange={(e) => setField('state', e.target.value)}
              error={errorOf('state')}
              placeholder={t('patients.form.chooseState')}
              options={stateOptions}
            />
            <TextField label={t('patients.field.municipality')} {...textProps('municipality')} autoComplete="off" />
            <TextField label={t('patients.field.address')} {...textProps('address')} autoComplete="off" span="full" />
          </div>
        </section>

        <section className="card form-section" aria-labelledby="sec-guardians">
          <h2 id="sec-guardians">{t('patients.form.guardians')}</h2>
          <p className="muted small">{t('patients.form.guardiansIntro')}</p>
          {guardians.map((g, i) => (
            <fieldset key={g.key} className="guardian">
              <legend>{t('patients.form.guardianN', { n: String(i + 1) })}</legend>
              <div className="form-grid">
                <TextField
                  label={t('patients.field.guardianName')}
                  name={`guardians.${i}.name`}
                  value={g.name}
                  onChange={(e) => setGuardian(i, { name: e.target.value })}
                  onBlur={() => touch(`guardians.${i}.name`)}
                  error={errorOf(`guardians.${i}.name`)}
                  autoComplete="off"
                  required={i === 0}
                />
                <SelectField
                  label={t('patients.field.relationship')}
                  name={`guardians.${i}.relationship`}
                  value={g.relationship}
                  onChange={(e) => setGuardian(i, { relationship: e.target.value as Relationship | '' })}
                  onBlur={() => touch(`guardians.${i}.relationship`)}
                  error={errorOf(`guardians.${i}.relationship`)}
                  placeholder={t('patients.form.choose')}
                  options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`patients.relationship.${r}`) }))}
                  required={i === 0}
                />
                <TextField
                  label={t('patients.field.phone')}
                  type="tel"
                  name={`guardians.${i}.phone`}
                  value={g.phone}
                  onChange={(e) => setGuardian(i, { phone: e.target.value })}
                  onBlur={() => touch(`guardians.${i}.phone`)}
                  error={errorOf(`guardians.${i}.phone`)}
                  hint={t('patients.field.phoneHint')}
                  inputMode="tel"
                  autoComplete="off"
                />
                <TextField
                  label={t('patients.field.email')}
                  type="email"
                  name={`guardians.${i}.email`}
                  value={g.email}
                  onChange={(e) => setGuardian(i, { email: e.target.value })}
                  onBlur={() => touch(`guardians.${i}.email`)}
                  error={errorOf(`guardians.${i}.email`)}
                  autoComplete="off"
                />
                <CheckboxField
                  label={t('patients.field.whatsapp')}
                  name={`guardians.${i}.whatsapp`}
                  checked={g.whatsapp}
                  onChange={(e) => setGuardian(i, { whatsapp: e.target.checked })}
                />
                <div className="field field-check">
                  <div className="check">
                    <input
                      id={`guardian-primary-${g.key}`}
                      type="radio"
                      name="primaryGuardian"
                      checked={primary === i}
                      onChange={() => setPrimary(i)}
                    />
                    <label htmlFor={`guardian-primary-${g.key}`}>{t('patients.field.isPrimary')}</label>
                  </div>
                </div>
              </div>
              {guardians.length > 1 ? (
                <button
                  type="button"
                  className="btn btn-small btn-ghost-danger"
                  onClick={() => {
                    setGuardians((gs) => gs.filter((_, j) => j !== i));
                    setPrimary((p) => (p === i ? 0 : p > i ? p - 1 : p));
                    setServerErrors({});
                  }}
                >
                  {t('patients.form.removeGuardian', { n: String(i + 1) })}
                </button>
              ) : null}
            </fieldset>
          ))}
          {guardians.length < 6 ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setGuardians((gs) => [...gs, blankGuardian()])}>
              <span aria-hidden="true">+ </span>
              {t('patients.form.addGuardian')}
            </button>
          ) : null}
        </section>

        <section className="card form-section" aria-labelledby="sec-consent">
          <h2 id="sec-consent">{t('patients.form.consents')}</h2>
          <div className="form-grid">
            <CheckboxField
              label={t('patients.field.privacyNotice')}
              hint={t('patients.field.privacyNoticeHint')}
              name="privacyNotice"
              checked={privacy.accepted}
              onChange={(e) => {
                clearServer('consents');
                setPrivacy((p) => ({ ...p, accepted: e.target.checked }));
              }}
              error={errorOf('consents.privacy') ?? serverErrors.consents}
              span="full"
            />
            {privacy.accepted ? (
              <>
                <TextField
                  label={t('patients.field.grantedBy')}
                  name="grantedBy"
                  value={privacy.grantedBy}
                  onChange={(e) => {
                    clearServer('consents.grantedBy');
                    setPrivacy((p) => ({ ...p, grantedBy: e.target.value }));
                  }}
                  onBlur={() => touch('consents.grantedBy')}
                  error={errorOf('consents.grantedBy')}
                  autoComplete="off"
                  required
                />
                <TextField
                  label={t('patients.field.grantedOn')}
                  type="date"
                  name="grantedOn"
                  value={privacy.grantedOn}
                  onChange={(e) => {
                    clearServer('consents.grantedOn');
                    setPrivacy((p) => ({ ...p, grantedOn: e.target.value }));
                  }}
                  onBlur={() => touch('consents.grantedOn')}
                  error={errorOf('consents.grantedOn')}
                  max={todayInMexico()}
                  required
                />
                <CheckboxField
                  label={t('patients.field.treatmentConsent')}
                  name="treatmentConsent"
                  checked={treatmentConsent}
                  onChange={(e) => setTreatmentConsent(e.target.checked)}
                  span="full"
                />
              </>
            ) : null}
          </div>
        </section>

        {candidates.length > 0 ? (
          <p className="alert alert-warning" role="note">
            {sameCurp ? t('patients.dup.beforeSaveCurp') : t('patients.dup.beforeSave', { count: candidates.length })}
          </p>
        ) : null}
        <div className="form-actions">
          <Link to="/pacientes" className="btn btn-secondary">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('patients.form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

function DuplicatesPanel({ candidates, loading, asked, sameCurp }: { candidates: DuplicateCandidate[]; loading: boolean; asked: boolean; sameCurp: boolean }) {
  const { t, i18n } = useTranslation();
  if (!asked) return null;
  return (
    <section className={`card form-section dup-panel ${candidates.length ? 'dup-found' : ''}`} aria-labelledby="sec-dup" aria-live="polite">
      <h2 id="sec-dup">{t('patients.dup.title')}</h2>
      {loading && candidates.length === 0 ? <p className="muted small">{t('patients.dup.checking')}</p> : null}
      {!loading && candidates.length === 0 ? (
        <p className="dup-none">
          <span aria-hidden="true">✓ </span>
          {t('patients.dup.none')}
        </p>
      ) : null}
      {candidates.length > 0 ? (
        <>
          <p>{sameCurp ? t('patients.dup.introCurp') : t('patients.dup.intro')}</p>
          <ul className="dup-list">
            {candidates.map((c, i) => (
              <li key={c.id ?? `hidden-${i}`} className="dup-item">
                <div>
                  <strong>{c.fullName ?? t('patients.dup.hiddenName')}</strong>
                  {c.curp ? <span className="mono small"> · {c.curp}</span> : null}
                  <span className="cell-sub">
                    {c.birthDate ? `${t('patients.field.birthDate')}: ${formatDate(c.birthDate, i18n.language)} · ` : ''}
                    {t('patients.dup.unit', { unit: c.unitName })}
                  </span>
                  <span className="cell-sub">
                    {c.reason === 'SAME_CURP' ? t('patients.dup.reasonCurp') : t('patients.dup.reasonName', { pct: String(Math.round(c.similarity * 100)) })}
                  </span>
                  {c.id === null ? <span className="cell-sub">{t('patients.dup.otherUnit')}</span> : null}
                </div>
                {c.id ? (
                  <Link to={`/pacientes/${c.id}`} className="btn btn-small btn-secondary" target="_blank" rel="noopener">
                    {t('patients.dup.open')}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
