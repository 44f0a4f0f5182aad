import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../api/client.ts';
import { Badge, ErrorAlert, Loading, Notice, PageHeader } from '../components/feedback.tsx';
import { TextField } from '../components/forms.tsx';
import { canonicalPhone, useContactMessages, useSimulatorInfo, useSimulatorSend, type SimulatedInput } from './api.ts';
import { ChatLog, type PendingMessage, type TapReply } from './ChatLog.tsx';
import { phoneDisplay } from './format.ts';
import { WhatsAppTabs } from './WhatsAppTabs.tsx';

interface SimContact {
  phone: string;
  name: string;
}

const STORAGE_KEY = 'oncoped.simulator.contact';

function savedContact(): SimContact | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as SimContact | null;
    return v && typeof v.phone === 'string' && typeof v.name === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Simulador de WhatsApp (/whatsapp/simulador, demo mode): a phone chat with the ChatBot. What is
 * typed goes through POST /api/whatsapp/simulator/messages (a signed Cloud API webhook to the
 * server itself); the conversation is read back every 0.7 s while the page is visible.
 */
export function SimulatorPage() {
  const { t } = useTranslation();
  const info = useSimulatorInfo();
  const [contact, setContactState] = useState<SimContact | null>(savedContact);
  const setContact = (c: SimContact) => {
    setContactState(c);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(c));
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  };
  const notFound = info.error instanceof ApiError && info.error.status === 404;

  return (
    <>
      <WhatsAppTabs />
      <PageHeader title={t('whatsapp.simulator.title')} intro={t('whatsapp.simulator.intro')} />
      {info.isPending ? <Loading /> : null}
      {notFound || (info.data && !info.data.enabled) ? <Notice tone="info">{t('whatsapp.simulator.disabled')}</Notice> : null}
      {info.isError && !notFound ? <ErrorAlert error={info.error} /> : null}
      {info.data?.enabled ? (
        <div className="wa-sim">
          <ContactPicker demo={info.data.demoContacts} current={contact} onPick={setContact} />
          {contact ? <Phone key={contact.phone} contact={contact} /> : <p className="wa-sim-empty muted">{t('whatsapp.simulator.pickFirst')}</p>}
        </div>
      ) : null}
    </>
  );
}

function ContactPicker({ demo, current, onPick }: { demo: { phone: string; name: string; hint: string }[]; current: SimContact | null; onPick: (c: SimContact) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = phone.replace(/\D/g, '');
    if (digits.length !== 10) {
      setError(t('whatsapp.simulator.phoneInvalid'));
      return;
    }
    setError(undefined);
    onPick({ phone: canonicalPhone(digits), name: name.trim() });
  };
  const currentPhone = current ? canonicalPhone(current.phone) : null;
  return (
    <section className="card wa-sim-contacts" aria-labelledby="sim-contacts">
      <h2 id="sim-contacts">{t('whatsapp.simulator.contactTitle')}</h2>
      <h3 className="wa-sim-sub">{t('whatsapp.simulator.demoContacts')}</h3>
      <ul className="plain-list wa-demo-contacts">
        {demo.map((c) => {
          const chosen = currentPhone === canonicalPhone(c.phone);
          return (
            <li key={c.phone} className={chosen ? 'wa-demo-chosen' : undefined} data-phone={canonicalPhone(c.phone)}>
              <div className="wa-demo-head">
                <strong>{c.name}</strong> <span className="mono small">{phoneDisplay(c.phone)}</span>
              </div>
              <p className="small wa-demo-hint">{c.hint}</p>
              <button
                type="button"
                className={`btn btn-small ${chosen ? 'btn-primary' : 'btn-secondary'}`}
                aria-pressed={chosen}
                aria-label={`${t('whatsapp.simulator.choose')}: ${c.name} (${phoneDisplay(c.phone)})`}
                onClick={() => onPick({ phone: canonicalPhone(c.phone), name: c.name })}
              >
                {chosen ? t('whatsapp.simulator.chosen') : t('whatsapp.simulator.choose')}
              </button>
            </li>
          );
        })}
      </ul>
      <h3 className="wa-sim-sub">{t('whatsapp.simulator.otherNumber')}</h3>
      <form onSubmit={submit} noValidate className="wa-sim-other">
        <TextField
          label={t('whatsapp.simulator.phone')}
          name="phone"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          hint={t('whatsapp.simulator.phoneHint')}
          error={error}
          onChange={(e) => setPhone(e.target.value)}
        />
        <TextField label={t('whatsapp.simulator.name')} name="name" autoComplete="off" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="btn btn-secondary">
          {t('whatsapp.simulator.use')}
        </button>
      </form>
    </section>
  );
}

let pendingSeq = 0;

function Phone({ contact }: { contact: SimContact }) {
  const { t } = useTranslation();
  const waId = canonicalPhone(contact.phone);
  const messages = useContactMessages(waId, true, 'simulator');
  const send = useSimulatorSend();
  const [text, setText] = useState('');
  const [pending, setPending] = useState<(PendingMessage & { wamid?: string })[]>([]);
  const items = useMemo(() => messages.data?.items ?? [], [messages.data]);
  const displayName = messages.data?.contact.profileName ?? (contact.name || phoneDisplay(contact.phone));

  // A typed message leaves the "sending" state once the server lists it.
  useEffect(() => {
    if (!pending.length) return;
    const known = new Set(items.map((m) => m.wamid));
    setPending((ps) => {
      const left = ps.filter((p) => !p.wamid || !known.has(p.wamid));
      return left.length === ps.length ? ps : left;
    });
  }, [items, pending.length]);

  const post = (body: Omit<SimulatedInput, 'phone' | 'name'>, shown: string) => {
    const key = `p${++pendingSeq}`;
    setPending((ps) => [...ps, { key, text: shown, createdAt: new Date().toISOString() }]);
    send.mutate(
      { phone: waId, ...(contact.name ? { name: contact.name } : {}), ...body },
      {
        onSuccess: (r) => setPending((ps) => ps.map((p) => (p.key === key ? { ...p, wamid: r.wamid } : p))),
        onError: () => setPending((ps) => ps.filter((p) => p.key !== key)),
      },
    );
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    post({ text: value }, value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  const onTap = (r: TapReply) => post(r, r.replyTitle);
  const contactFacts = messages.data?.contact;
  const errors = fieldErrors(send.error);

  return (
    <section className="wa-phone" aria-label={t('whatsapp.simulator.phoneLabel')}>
      <header className="wa-phone-head">
        <span className="wa-avatar" aria-hidden="true">
          O
        </span>
        <div>
          <h2 className="wa-phone-name">{t('whatsapp.businessName')}</h2>
          <p className="wa-phone-sub">
            {t('whatsapp.businessSub')} · {t('whatsapp.simulator.current')} {displayName}
          </p>
        </div>
      </header>
      <div className="wa-phone-facts small">
        <span className="mono">{phoneDisplay(contact.phone)}</span>
        {contactFacts ? (
          <>
            <Badge tone={contactFacts.verified ? 'ok' : 'neutral'}>{contactFacts.verified ? t('whatsapp.verified') : t('whatsapp.notVerified')}</Badge>
            {contactFacts.mode === 'HUMAN' ? <Badge tone="warning">{t('whatsapp.humanMode')}</Badge> : null}
            {contactFacts.optedOut ? <Badge tone="danger">{t('whatsapp.optedOut')}</Badge> : null}
          </>
        ) : null}
      </div>
      {messages.isError ? <ErrorAlert error={messages.error} /> : null}
      <ChatLog messages={items} pending={pending} name={t('whatsapp.businessName')} perspective="family" onTap={onTap} busy={false} />
      {send.isError ? (
        <div className="wa-phone-error">
          <ErrorAlert error={send.error} />
        </div>
      ) : null}
      <form className="wa-compose" onSubmit={submit}>
        <label htmlFor="wa-sim-text" className="visually-hidden">
          {t('whatsapp.simulator.message')}
        </label>
        <textarea
          id="wa-sim-text"
          className="wa-compose-input"
          rows={1}
          maxLength={4096}
          placeholder={t('whatsapp.simulator.placeholder')}
          value={text}
          aria-describedby="wa-sim-help"
          aria-invalid={errors.text ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="wa-send" disabled={!text.trim()}>
          <span aria-hidden="true">➤</span>
          <span className="visually-hidden">{t('whatsapp.simulator.send')}</span>
        </button>
      </form>
      <p id="wa-sim-help" className="wa-phone-help small">
        {t('whatsapp.simulator.enterHint')} {t('whatsapp.simulator.polling')}
      </p>
    </section>
  );
}
