/** Rules shared by the meeting use cases: what a closed meeting refuses, scheduling warnings. */
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { dateInMexico } from '../../platform/time.ts';
import { deadlineFor, isRegularSlot, meetingInstant } from './calendar.ts';
import * as repo from './repo.ts';

const longDate = new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "martes, 24 de noviembre de 2026 a las 23:59" */
export const describeInstant = (d: Date) => `${longDate.format(d)} a las ${clock.format(d)}`;

export const meetingNotFound = () => notFound('No se encontró la reunión.', 'MEETING_NOT_FOUND');

export const versionConflict = (what: string, current: number) =>
  conflict('VERSION_CONFLICT', `Otra persona modificó ${what} mientras lo editaba. Recargue la página y aplique sus cambios de nuevo.`, [
    { field: 'version', message: `la versión actual es ${current}` },
  ]);

export const meetingClosed = (number: number, field = 'meetingId') =>
  new AppError(409, 'MEETING_CLOSED', `La reunión ${number} ya está cerrada: no admite cambios ni casos nuevos. Use la siguiente reunión.`, {
    errors: [{ field, message: `la reunión ${number} está cerrada` }],
  });

/** Loads a meeting that still accepts changes (planned or held), locked for the transaction. */
export async function loadOpenMeeting(tx: Db, id: string, field = 'meetingId'): Promise<repo.MeetingRow> {
  const m = await repo.findMeeting(tx, id, true);
  if (!m) throw meetingNotFound();
  if (m.status === 'CLOSED') throw meetingClosed(m.number, field);
  return m;
}

export interface Schedule {
  scheduledAt: Date;
  extraordinary: boolean;
  familiesDeadline: Date;
  casesDeadline: Date;
  warnings: string[];
}

/** Date and time (Mexico City) → the meeting's instant, deadlines and the extraordinary-session warning. */
export function scheduleOf(date: string, time: string): Schedule {
  const scheduledAt = meetingInstant(date, time);
  const extraordinary = !isRegularSlot(scheduledAt);
  const deadline = deadlineFor(scheduledAt);
  const warnings = extraordinary
    ? [`La reunión del ${describeInstant(scheduledAt)} no es en jueves a las 18:00: se registra como sesión extraordinaria.`]
    : [];
  return { scheduledAt, extraordinary, familiesDeadline: deadline, casesDeadline: deadline, warnings };
}

/** The Mexico City date of an instant, for entry dates. */
export const todayIn = (now: Date) => dateInMexico(now);
