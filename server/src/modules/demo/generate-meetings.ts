/**
 * The synthetic record of the weekly meetings with families (pure: rows, no I/O). Meetings 1…N are
 * weekly, Thursday 18:00 Mexico City from 17 September 2020 (so that meeting 19 is 21 January 2021,
 * seed 004) and closed; meeting N+1 is planned on the next Thursday after "now". Every closed meeting
 * has its attendance (officials by role, families with synthetic names), its agenda with notes
 * drawn from what the data says happened in it, its new casos específicos (consecutive sequence
 * across the whole process) and the dated follow-up of older ones, and its acuerdos with their
 * follow-up. Meeting 19 is seed 004's minute; meetings 18, 44, 46 and 49 carry what the press
 * bulletins (seeds 003–000) report.
 *
 * The same generator feeds the demo (62 meetings, ~250 cases) and the benchmark (`totalCases`
 * spread over as many weekly meetings as fit before "now"). Deterministic given seed, now and the
 * inputs.
 */
import { deadlineFor, meetingInstant, nextRegularSlot, STANDARD_AGENDA } from '../meetings/calendar.ts';
import type { AgendaItem, AgreementStatus, CaseCategory, CaseStatus } from '../meetings/schema.ts';
import { fromMexicoWallTime, mexicoWallTime } from '../../platform/time.ts';
import type { Cell, TableSpec } from './bulk-insert.ts';
import { prng } from './ids.ts';
import {
  AGREEMENT_TOPICS,
  BULLETIN_NOTES,
  CASE_TEMPLATES,
  CATEGORY_WEIGHTS,
  CHATBOT_FEATURES,
  CLOSING_TEXT,
  CORE_OFFICIALS,
  DEMO_CLOSED_MEETINGS,
  DRUGS,
  EARLY_CASE_COUNTS,
  FIRST_MEETING_DATE,
  FOLLOW_UP_TEXTS,
  FREQUENT_OFFICIALS,
  GENERAL_TOPICS,
  NOT_APPLICABLE_REASONS,
  OFFICIALS,
  RESOLUTION_DAYS,
  RESOLVED_TEXTS,
  SCRIPTED_AGREEMENTS,
  SEED_004_AGENDA,
  SEED_004_CASES,
  SEED_004_FAMILY_UNITS,
  SERVICES,
  STUDIES,
  SUPPLIES,
  type ScriptedCase,
} from './meetings-data.ts';
import { AREA_CODES, GIVEN_ADULT_F, GIVEN_ADULT_M, GIVEN_CHILD_F, GIVEN_CHILD_M, SURNAMES } from './registry-data.ts';
import { chance, int, normal, oneOf, Picker, type Rng } from './random.ts';

/** Rows of the meetings tables, in the column order of these specs (COPY or INSERT … unnest). */
export const MEETING_TABLES = {
  officials: {
    table: 'officials',
    columns: [['id', 'uuid'], ['name', 'text'], ['position', 'text'], ['area', 'text'], ['user_id', 'uuid'], ['unit_id', 'uuid'], ['active', 'bool'], ['created_at', 'timestamptz']],
  },
  meetings: {
    table: 'meetings',
    columns: [
      ['id', 'uuid'], ['number', 'int4'], ['scheduled_at', 'timestamptz'], ['extraordinary', 'bool'], ['modality', 'text'], ['platform', 'text'], ['link', 'text'],
      ['location', 'text'], ['status', 'text'], ['families_deadline', 'timestamptz'], ['cases_deadline', 'timestamptz'], ['agenda', 'jsonb'], ['started_at', 'timestamptz'],
      ['ended_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['version', 'int4'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  attendees: {
    table: 'meeting_attendees',
    columns: [
      ['id', 'uuid'], ['meeting_id', 'uuid'], ['kind', 'text'], ['official_id', 'uuid'], ['name', 'text'], ['surnames', 'text'], ['position', 'text'], ['area', 'text'],
      ['relationship', 'text'], ['unit_id', 'uuid'], ['patient_id', 'uuid'], ['late', 'bool'], ['attended', 'bool'], ['listed_at', 'timestamptz'], ['created_by', 'uuid'],
    ],
  },
  cases: {
    table: 'cases',
    columns: [
      ['id', 'uuid'], ['meeting_id', 'uuid'], ['meeting_number', 'int4'], ['sequence', 'int4'], ['code', 'text'], ['received_at', 'timestamptz'], ['channel', 'text'],
      ['category', 'text'], ['title', 'text'], ['description', 'text'], ['patient_id', 'uuid'], ['patient_name', 'text'], ['unit_id', 'uuid'], ['reporter_name', 'text'],
      ['reporter_phone', 'text'], ['responsible_official_id', 'uuid'], ['status', 'text'], ['status_reason', 'text'], ['resolved_at', 'timestamptz'], ['closed_at', 'timestamptz'],
      ['version', 'int4'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  caseUpdates: {
    table: 'case_updates',
    columns: [
      ['case_id', 'uuid'], ['meeting_id', 'uuid'], ['entry_date', 'date'], ['text', 'text'], ['official_id', 'uuid'], ['status_from', 'text'], ['status_to', 'text'],
      ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  agreements: {
    table: 'agreements',
    columns: [
      ['id', 'uuid'], ['meeting_id', 'uuid'], ['ordinal', 'int2'], ['text', 'text'], ['responsible_official_id', 'uuid'], ['responsible_area', 'text'],
      ['due_meeting_number', 'int4'], ['due_date', 'date'], ['status', 'text'], ['status_reason', 'text'], ['completed_at', 'timestamptz'], ['version', 'int4'],
      ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  agreementUpdates: {
    table: 'agreement_updates',
    columns: [['agreement_id', 'uuid'], ['meeting_id', 'uuid'], ['entry_date', 'date'], ['text', 'text'], ['status_from', 'text'], ['status_to', 'text'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz']],
  },
} as const satisfies Record<string, TableSpec>;

export type MeetingTableKey = keyof typeof MEETING_TABLES;
/** Parents before children. */
export const MEETING_TABLE_ORDER: readonly MeetingTableKey[] = ['officials', 'meetings', 'attendees', 'cases', 'caseUpdates', 'agreements', 'agreementUpdates'];

export interface MeetingsUnit {
  id: string;
  clues: string;
  shortName: string;
  level: 'UMAE' | 'SECOND_LEVEL';
  state: string;
}

export interface MeetingsOptions {
  seed: number;
  now: Date;
  /** Deterministic id of a row (kind, key). */
  id: (kind: string, key: string) => string;
  units: readonly MeetingsUnit[];
  /** Pediatric registry patients per unit id: cases and families link to them when there are some. */
  patientsByUnit?: ReadonlyMap<string, readonly string[]>;
  /** User ids by username: `coordinacion` records the meetings, an official's `username` links its account. */
  userIds: ReadonlyMap<string, string>;
  /** Meetings held (default 62: the demo's record ends in November 2021); capped by the Thursdays before now. */
  closedMeetings?: number;
  /** Cases in all (benchmark): spread over the meetings after 19; default 3–6 new cases a meeting. */
  totalCases?: number;
}

export interface MeetingRows {
  rows: Record<MeetingTableKey, Cell[][]>;
  /** Highest case sequence used (case_sequence.last). */
  lastSequence: number;
  closedMeetings: number;
  plannedMeeting: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD. */
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Instants of Mexico City wall times. The UTC offset at noon of a day is taken from the platform's
 * time zone rules, once per week when the week's first and last noons agree (offset changes happen
 * on Sundays at 02:00, so a day's noon offset holds for its daytime hours) and per day otherwise.
 */
class MexicoClock {
  private readonly weekOffset = new Map<number, number | null>();
  private readonly dayOffset = new Map<number, number>();
  private offsetAtNoon(day: number): number {
    const week = Math.floor(day / 7);
    let w = this.weekOffset.get(week);
    if (w === undefined) {
      const a = this.exact(week * 7);
      const b = this.exact(week * 7 + 6);
      w = a === b ? a : null;
      this.weekOffset.set(week, w);
    }
    if (w !== null) return w;
    let d = this.dayOffset.get(day);
    if (d === undefined) this.dayOffset.set(day, (d = this.exact(day)));
    return d;
  }
  private exact(day: number): number {
    const d = new Date(day * DAY_MS);
    return fromMexicoWallTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 12).getTime() - (day * DAY_MS + 12 * 3_600_000);
  }
  /** The instant of `minute` minutes after midnight of Mexico calendar day `day`. */
  at(day: number, minute: number): Date {
    return new Date(day * DAY_MS + minute * MINUTE_MS + this.offsetAtNoon(day));
  }
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const longDate = (day: number) => {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} de ${MONTHS[d.getUTCMonth()]}`;
};
const thousands = (n: number) => n.toLocaleString('en-US');
/** "773 mil 617", as the minutes write large counts. */
const milStyle = (n: number) => (n >= 1000 ? `${Math.floor(n / 1000)} mil ${n % 1000}` : String(n));
/** "El Director General" / "La Coordinadora …". */
const withArticle = (name: string) => (/^(Coordinadora|Directora|Encargada)/.test(name) ? `La ${name}` : `El ${name}`);
/** "al Coordinador …" / "a la Coordinadora …". */
const toOfficial = (name: string) => (withArticle(name).startsWith('El ') ? `al ${name}` : `a la ${name}`);
const fill = (s: string, vars: Record<string, string>) => (s.indexOf('{') < 0 ? s : s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`));

/** Patients registered in the APO platform as the weekly notes report them (seeds 004 and 001 anchor it). */
const REGISTRY_ANCHORS: readonly (readonly [number, number])[] = [[8, 40], [12, 420], [16, 1010], [18, 1304], [19, 1458], [30, 3150], [46, 4228], [62, 4470]];
function registeredAt(n: number): number {
  if (n < 8) return 0;
  for (let i = 1; i < REGISTRY_ANCHORS.length; i++) {
    const [m1, v1] = REGISTRY_ANCHORS[i]!;
    const [m0, v0] = REGISTRY_ANCHORS[i - 1]!;
    if (n <= m1) return Math.round(v0 + ((v1 - v0) * (n - m0)) / (m1 - m0));
  }
  return 4470 + 15 * (n - 62);
}

interface MeetingInfo {
  number: number;
  id: string;
  day: number;
  date: string;
  at: Date;
  deadline: Date;
  closed: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  closedAt: Date | null;
  modality: 'VIRTUAL' | 'HYBRID';
  attendingOfficials: string[];
  familyUnits: string[];
  newCases: string[];
  reviewed: Set<string>;
  resolvedHere: number;
  agreementNotes: string[];
  agreementsRead: string[];
}

interface CaseEvent {
  at: Date;
  meeting: MeetingInfo | null;
  text: string;
  status: CaseStatus;
  official: string | null;
}

interface FamilyMember {
  given: string;
  surnames: string;
  relationship: 'MOTHER' | 'FATHER' | 'GUARDIAN' | 'GRANDPARENT';
  clues: string;
  patientId: string | null;
  regular: boolean;
}

/** Generates the meetings record: see the file comment. */
export function generateMeetings(o: MeetingsOptions): MeetingRows {
  const r: Rng = prng((o.seed ^ 0x6d656574) >>> 0);
  const clock = new MexicoClock();
  const now = o.now;
  const unitsByClues = new Map(o.units.map((u) => [u.clues, u]));
  const unit = (clues: string) => {
    const u = unitsByClues.get(clues);
    if (!u) throw new Error(`meetings demo: unit ${clues} is not in the catalogue`);
    return u;
  };
  const recorder = o.userIds.get('coordinacion') ?? null;
  const officialIds = new Map<string, string>();
  const officialId = (key: string) => {
    let id = officialIds.get(key);
    if (id === undefined) officialIds.set(key, (id = o.id('official', key)));
    return id;
  };
  const officialByKey = new Map(OFFICIALS.map((x) => [x.key, x]));
  const official = (key: string) => {
    const x = officialByKey.get(key);
    if (!x) throw new Error(`meetings demo: unknown official ${key}`);
    return x;
  };
  const rows: Record<MeetingTableKey, Cell[][]> = { officials: [], meetings: [], attendees: [], cases: [], caseUpdates: [], agreements: [], agreementUpdates: [] };

  // ---------------------------------------------------------------- the calendar
  const firstDay = dayOf(FIRST_MEETING_DATE);
  const meetingAt = (n: number) => meetingInstant(isoOfDay(firstDay + 7 * (n - 1)));
  let held = 0;
  const cap = o.closedMeetings ?? DEMO_CLOSED_MEETINGS;
  while (held < cap && meetingAt(held + 1).getTime() + 3 * 3_600_000 <= now.getTime()) held++;
  if (held < 19) throw new Error('meetings demo: "now" must be after meeting 19 (21 January 2021)');
  const planned = held + 1;
  const plannedAt = nextRegularSlot(now);

  const meetings: MeetingInfo[] = [];
  for (let n = 1; n <= planned; n++) {
    const closed = n <= held;
    const at = closed ? meetingAt(n) : plannedAt;
    const w = closed ? null : mexicoWallTime(at);
    const day = closed ? firstDay + 7 * (n - 1) : Date.UTC(w!.year, w!.month - 1, w!.day) / DAY_MS;
    let startedAt: Date | null = null;
    let endedAt: Date | null = null;
    let closedAt: Date | null = null;
    if (closed) {
      const start = n === 19 ? 0 : int(r, 0, 5);
      const length = n === 19 ? 85 : int(r, 68, 102);
      startedAt = new Date(at.getTime() + start * MINUTE_MS);
      endedAt = new Date(at.getTime() + length * MINUTE_MS);
      closedAt = new Date(Math.min(endedAt.getTime() + (20 + int(r, 0, 50)) * 3_600_000, now.getTime()));
    }
    meetings.push({
      number: n,
      id: o.id('meeting', String(n)),
      day,
      date: isoOfDay(day),
      at,
      deadline: deadlineFor(at),
      closed,
      startedAt,
      endedAt,
      closedAt,
      modality: closed && n >= 50 && chance(r, 0.25) ? 'HYBRID' : 'VIRTUAL',
      attendingOfficials: [],
      familyUnits: [],
      newCases: [],
      reviewed: new Set(),
      resolvedHere: 0,
      agreementNotes: [],
      agreementsRead: [],
    });
  }
  const M = (n: number) => meetings[n - 1]!;
  const lastHeld = M(held);
  /** After this instant nothing more happened in the demo's record (the next meeting is the planned one). */
  const historyEnd = Math.min(now.getTime(), lastHeld.endedAt!.getTime() + 2 * DAY_MS);
  /** Meetings where a generated follow-up may be recorded: held ones, but not 19 (its ten cases are seed 004's). */
  const usable = (k: number) => k >= 1 && k <= held && k !== 19;
  /** The first meeting held at or after an instant (binary search over the weekly calendar). */
  const meetingAtOrAfter = (t: number): MeetingInfo | null => {
    let lo = 0;
    let hi = held - 1;
    if (hi < 0 || M(held).at.getTime() < t) return null;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (meetings[mid]!.at.getTime() >= t) hi = mid;
      else lo = mid + 1;
    }
    return meetings[lo]!;
  };

  // ---------------------------------------------------------------- officials
  for (const x of OFFICIALS) {
    rows.officials.push([
      officialId(x.key), x.name, x.position, x.area, x.username ? (o.userIds.get(x.username) ?? null) : null,
      x.clues ? unit(x.clues).id : null, true, new Date(meetingAt(1).getTime() - 14 * DAY_MS),
    ]);
  }

  // ---------------------------------------------------------------- people and places
  const unitPicker = new Picker(o.units.map((u) => [u, u.clues === 'DFIMS000061' || u.clues === 'DFIMS000616' ? 7 : u.level === 'UMAE' ? 3 : 1] as const));
  /** How fast each hospital solves cases (resolution-time charts differ by hospital). */
  const unitSpeed = new Map(o.units.map((u) => [u.clues, (u.level === 'UMAE' ? 0.85 : 1.25) * (0.65 + r() * 0.9)]));
  const adultF = new Picker(GIVEN_ADULT_F);
  const adultM = new Picker(GIVEN_ADULT_M);
  const childF = new Picker(GIVEN_CHILD_F);
  const childM = new Picker(GIVEN_CHILD_M);
  const surnames = new Picker(SURNAMES);
  const twoSurnames = () => `${surnames.pick(r())} ${surnames.pick(r())}`;
  const patientOf = (unitId: string): string | null => {
    const list = o.patientsByUnit?.get(unitId);
    return list?.length ? list[Math.floor(r() * list.length)]! : null;
  };
  const phone = (state: string) => {
    const lada = oneOf(r, AREA_CODES[state] ?? ['55']);
    let rest = '';
    while (lada.length + rest.length < 10) rest += String(int(r, 0, 9));
    return `${lada}${rest}`;
  };

  // A pool of families that come to the meetings (some every week, most from time to time).
  const pool: FamilyMember[] = [];
  const forced = ['DFIMS000061', 'DFIMS000061', 'DFIMS000061', 'DFIMS000061', 'DFIMS000061', 'DFIMS000061', 'DFIMS000616', 'DFIMS000616', 'DFIMS000616', 'DFIMS000616', 'BCIMS000044', 'SRIMS000091', 'SPIMS000026', 'SPIMS000026'];
  for (let i = 0; i < 48; i++) {
    const clues = i < forced.length ? forced[i]! : unitPicker.pick(r()).clues;
    const u = r();
    const relationship = u < 0.75 ? 'MOTHER' : u < 0.93 ? 'FATHER' : u < 0.97 ? 'GRANDPARENT' : 'GUARDIAN';
    const female = relationship === 'MOTHER' || (relationship !== 'FATHER' && chance(r, 0.7));
    pool.push({
      given: (female ? adultF : adultM).pick(r()),
      surnames: twoSurnames(),
      relationship,
      clues,
      patientId: patientOf(unit(clues).id),
      regular: i % 4 === 0 || i < 6,
    });
  }
  const familyRow = (m: MeetingInfo, f: FamilyMember, key: string, listedAt: Date, late: boolean, attended: boolean | null): Cell[] => [
    o.id('attendee', key), m.id, 'FAMILY', null, f.given, f.surnames, null, null, f.relationship, unit(f.clues).id, f.patientId, late, attended, listedAt, recorder,
  ];
  const officialRow = (m: MeetingInfo, key: string, listedAt: Date, attended: boolean | null): Cell[] => {
    const x = official(key);
    return [o.id('attendee', `${m.number}/${key}`), m.id, 'OFFICIAL', officialId(key), x.name, null, x.position, x.area, null, null, null, false, attended, listedAt, recorder];
  };

  // ---------------------------------------------------------------- attendance
  for (const m of meetings) {
    const invitedAt = new Date(m.deadline.getTime() - 2 * DAY_MS);
    let keys: string[];
    if (m.number === 19) keys = OFFICIALS.filter((x) => x.seed004).map((x) => x.key);
    else {
      const chosen = new Set<string>(CORE_OFFICIALS);
      for (const [key, p] of FREQUENT_OFFICIALS) if (chance(r, key === 'bs-sxxi' && m.number >= 40 ? 0.6 : p)) chosen.add(key);
      for (const [key] of FREQUENT_OFFICIALS) if (chosen.size < 8) chosen.add(key);
      keys = OFFICIALS.map((x) => x.key).filter((k) => chosen.has(k)).slice(0, int(r, 12, 14));
    }
    m.attendingOfficials = keys;
    for (const key of keys) rows.attendees.push(officialRow(m, key, m.closed ? invitedAt : new Date(Math.min(invitedAt.getTime(), now.getTime() - 3_600_000)), m.closed ? true : null));

    let families: FamilyMember[];
    if (m.number === 19) {
      const used = new Set<FamilyMember>();
      families = SEED_004_FAMILY_UNITS.map((clues) => {
        const f = pool.find((p) => p.clues === clues && !used.has(p))!;
        used.add(f);
        return f;
      });
    } else {
      families = pool.filter((f) => chance(r, f.regular ? 0.55 : 0.1));
      for (let i = families.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [families[i], families[j]] = [families[j]!, families[i]!];
      }
      const want = m.closed ? int(r, 4, 12) : int(r, 3, 7);
      while (families.length < want) {
        const f = oneOf(r, pool);
        if (!families.includes(f)) families.push(f);
      }
      families = families.slice(0, want);
    }
    families.forEach((f, i) => {
      let late = false;
      let listedAt: Date;
      if (m.closed) {
        late = m.number !== 19 && chance(r, 0.07);
        listedAt = new Date(m.deadline.getTime() + (late ? 1 : -1) * (0.1 + r() * (late ? 1.3 : 4.5)) * DAY_MS);
      } else if (now.getTime() > m.deadline.getTime() && i >= families.length - 2 && chance(r, 0.6)) {
        late = true;
        listedAt = new Date(m.deadline.getTime() + r() * (now.getTime() - m.deadline.getTime()));
      } else {
        const until = Math.min(now.getTime(), m.deadline.getTime());
        listedAt = new Date(until - r() * 4 * DAY_MS);
      }
      m.familyUnits.push(f.clues);
      rows.attendees.push(familyRow(m, f, `${m.number}/f${i}`, listedAt, late, m.closed ? chance(r, 0.93) : null));
    });
  }

  // ---------------------------------------------------------------- cases
  const categoryPicker = new Picker(CATEGORY_WEIGHTS);
  const counts: number[] = [];
  for (let n = 1; n <= held; n++) counts[n] = n <= EARLY_CASE_COUNTS.length ? EARLY_CASE_COUNTS[n - 1]! : 0;
  const later = held - EARLY_CASE_COUNTS.length;
  const plannedTaken = int(r, 2, 4);
  const waiting = now.getTime() > M(planned).deadline.getTime() ? int(r, 1, 2) : 0;
  if (o.totalCases !== undefined) {
    const early = EARLY_CASE_COUNTS.reduce((a, b) => a + b, 0);
    const rest = Math.max(0, o.totalCases - early - plannedTaken - waiting);
    const weights = Array.from({ length: later }, (_, i) => (0.7 + 0.6 * r()) * (1 + i / Math.max(1, later)));
    const total = weights.reduce((a, b) => a + b, 0);
    let given = 0;
    weights.forEach((w, i) => {
      const c = Math.floor((rest * w) / total);
      counts[EARLY_CASE_COUNTS.length + 1 + i] = c;
      given += c;
    });
    for (let i = 0; later > 0 && given < rest; i = (i + 1) % later, given++) counts[EARLY_CASE_COUNTS.length + 1 + i] = counts[EARLY_CASE_COUNTS.length + 1 + i]! + 1;
  } else {
    for (let n = EARLY_CASE_COUNTS.length + 1; n <= held; n++) counts[n] = n >= 30 ? int(r, 3, 6) : int(r, 3, 5);
  }
  const scriptedBySeq = new Map<number, ScriptedCase>(SEED_004_CASES.map((c) => [Number(c.code.split('.')[1]), c]));

  let seq = 0;
  const updates: { caseId: string; e: CaseEvent; from: CaseStatus }[] = [];
  const channelFor = (n: number) => {
    const u = r();
    if (n < 10) return u < 0.6 ? 'EMAIL' : u < 0.9 ? 'MEETING' : 'OFFICIAL_LETTER';
    const bot = Math.min(0.55, 0.2 + (n - 10) * 0.01);
    return u < bot ? 'CHATBOT' : u < bot + 0.3 ? 'EMAIL' : u < bot + 0.42 ? 'MEETING' : 'OFFICIAL_LETTER';
  };
  /** Instant within working hours of a Mexico day. */
  const dayTime = (day: number, from = 8 * 60, to = 21 * 60) => clock.at(day, from + Math.floor(r() * (to - from)));

  const responsibleFor = (category: CaseCategory, clues: string, fixed?: string): string => {
    if (fixed) return fixed;
    const director = clues === 'DFIMS000061' ? 'dir-laraza' : clues === 'DFIMS000616' ? 'dir-sxxi' : null;
    const umae = unit(clues).level === 'UMAE';
    switch (category) {
      case 'MISSING_MEDICATION':
        return chance(r, 0.85) ? 'cca' : 'da';
      case 'APPOINTMENT':
      case 'LAB_OR_IMAGING_STUDY':
        return director && chance(r, 0.7) ? director : umae ? 'cumae' : 'cno';
      case 'BONE_MARROW_TRANSPLANT':
        return director && chance(r, 0.5) ? director : chance(r, 0.8) ? 'cno' : 'trasplantes';
      case 'SECOND_OPINION':
      case 'TREATMENT_FOLLOW_UP':
        return director && chance(r, 0.5) ? director : 'cno';
      case 'PALLIATIVE_CARE':
        return 'cno';
      case 'STAFF_CONDUCT':
        return director ?? (chance(r, 0.3) ? 'enf' : umae ? 'cumae' : 'dpm');
      default:
        return 'cvops';
    }
  };

  const writeCase = (c: {
    id: string;
    m: MeetingInfo | null;
    seq: number | null;
    receivedAt: Date;
    channel: string;
    category: CaseCategory;
    title: string;
    description: string;
    clues: string;
    responsible: string;
    events: CaseEvent[];
  }) => {
    const u = unit(c.clues);
    const patientId = chance(r, 0.85) ? patientOf(u.id) : null;
    const female = chance(r, 0.45);
    const patientName = patientId ? null : `${(female ? childF : childM).pick(r())} ${twoSurnames()}`;
    const reporter = `${(chance(r, 0.8) ? adultF : adultM).pick(r())} ${twoSurnames()}`;
    let status: CaseStatus = 'RECEIVED';
    let reason: string | null = null;
    let resolvedAt: Date | null = null;
    let closedAt: Date | null = null;
    for (const e of c.events) {
      updates.push({ caseId: c.id, e, from: status });
      status = e.status;
      if (e.meeting) e.meeting.reviewed.add(c.id);
      if (status === 'RESOLVED') {
        resolvedAt = e.at;
        if (e.meeting) e.meeting.resolvedHere++;
      }
      if (status === 'CLOSED') closedAt = e.at;
      if (status === 'NOT_APPLICABLE') {
        closedAt = e.at;
        reason = e.text;
      }
    }
    if (c.m) c.m.newCases.push(c.seq ? `${c.m.number}.${c.seq}` : '');
    const createdAt = new Date(c.receivedAt.getTime() + int(r, 2, 90) * MINUTE_MS);
    const last = c.events.at(-1)?.at ?? createdAt;
    rows.cases.push([
      c.id, c.m?.id ?? null, c.m ? c.m.number : null, c.seq, c.m && c.seq ? `${c.m.number}.${c.seq}` : null, c.receivedAt, c.channel, c.category, c.title,
      c.description, patientId, patientName, u.id, reporter, phone(u.state), officialId(c.responsible), status, reason, resolvedAt, closedAt,
      1 + (c.m ? 1 : 0) + c.events.length, c.channel === 'CHATBOT' ? null : recorder, createdAt, last > createdAt ? last : createdAt,
    ]);
  };

  /** A generated case's history: presented and turned in its meeting, followed, resolved, confirmed and closed. */
  const history = (m: MeetingInfo, receivedAt: Date, category: CaseCategory, clues: string, responsible: string, vars: Record<string, string>): CaseEvent[] => {
    const events: CaseEvent[] = [];
    const inMeeting = (k: MeetingInfo) => new Date(k.at.getTime() + int(r, 15, 80) * MINUTE_MS);
    const responsibleName = official(responsible).name;
    if (chance(r, 0.04)) {
      events.push({ at: inMeeting(m), meeting: m, text: oneOf(r, NOT_APPLICABLE_REASONS), status: 'NOT_APPLICABLE', official: 'cvops' });
      return events;
    }
    const days = RESOLUTION_DAYS[category] * unitSpeed.get(clues)! * Math.exp(0.55 * normal(r));
    const resolveAt = receivedAt.getTime() + days * DAY_MS;
    const resolvedText = () => {
      const resolveDay = Math.floor((resolveAt - 6 * 3_600_000) / DAY_MS);
      const text = oneOf(r, RESOLVED_TEXTS[category]);
      return text.includes('{date}') ? fill(text, { date: longDate(resolveDay + int(r, 1, 6)) }) : text;
    };
    if (resolveAt <= m.at.getTime()) {
      events.push({ at: inMeeting(m), meeting: m, text: resolvedText(), status: 'RESOLVED', official: responsible });
    } else {
      events.push({ at: inMeeting(m), meeting: m, text: `Se presentó el caso y se turnó ${toOfficial(responsibleName)} para su seguimiento.`, status: 'IN_FOLLOW_UP', official: 'cvops' });
      // Follow-ups in the meetings before the resolution.
      let k = m.number + 1;
      let followUps = 0;
      while (k <= held && M(k).at.getTime() < resolveAt && followUps < 3) {
        if (usable(k) && chance(r, 0.35)) {
          events.push({ at: inMeeting(M(k)), meeting: M(k), text: fill(oneOf(r, FOLLOW_UP_TEXTS[category]), vars), status: 'IN_FOLLOW_UP', official: responsible });
          followUps++;
        }
        k++;
      }
      if (resolveAt > historyEnd) return events;
      const next = meetingAtOrAfter(resolveAt);
      const prev = events.at(-1)!.at.getTime();
      if (next && usable(next.number) && next.at.getTime() - resolveAt <= 3 * DAY_MS && next.at.getTime() > prev) {
        events.push({ at: inMeeting(next), meeting: next, text: resolvedText(), status: 'RESOLVED', official: responsible });
      } else {
        const day = Math.floor((resolveAt - 6 * 3_600_000) / DAY_MS);
        const at = Math.max(dayTime(day, 9 * 60, 18 * 60).getTime(), prev + 30 * MINUTE_MS);
        if (at > historyEnd) return events;
        events.push({ at: new Date(at), meeting: null, text: resolvedText(), status: 'RESOLVED', official: responsible });
      }
    }
    // The family confirms and the coordination closes the case in a later meeting.
    if (chance(r, 0.88)) {
      const resolved = events.at(-1)!.at.getTime();
      let k = meetingAtOrAfter(resolved + int(r, 5, 20) * DAY_MS);
      while (k && !usable(k.number)) k = k.number < held ? M(k.number + 1) : null;
      if (k && k.at.getTime() > resolved) events.push({ at: inMeeting(k), meeting: k, text: CLOSING_TEXT, status: 'CLOSED', official: 'cvops' });
    }
    return events;
  };

  const templateVars = () => ({ drug: oneOf(r, DRUGS), supply: oneOf(r, SUPPLIES), service: oneOf(r, SERVICES), study: oneOf(r, STUDIES) });

  for (let n = 1; n <= held; n++) {
    const m = M(n);
    const k = counts[n]!;
    // Received in the week before the deadline (Wednesday after the previous deadline … Tuesday), in sequence order.
    const times: Date[] = [];
    for (let i = 0; i < k; i++) times.push(dayTime(m.day - 8 + int(r, 0, 6), 0, 24 * 60 - 1));
    times.sort((a, b) => a.getTime() - b.getTime());
    for (let i = 0; i < k; i++) {
      seq++;
      const id = o.id('case', String(seq));
      const script = scriptedBySeq.get(seq);
      if (script) {
        if (script.code !== `${n}.${seq}`) throw new Error(`meetings demo: CE ${script.code} does not fall in meeting ${n}`);
        const events: CaseEvent[] = script.updates
          .filter((u) => u.meeting <= held)
          .map((u) => ({ at: new Date(M(u.meeting).at.getTime() + (u.meeting === 19 ? 40 + SEED_004_CASES.indexOf(script) * 3 : int(r, 15, 80)) * MINUTE_MS), meeting: M(u.meeting), text: u.text, status: u.status, official: u.by }));
        const receivedAt = times[i]!;
        writeCase({ id, m, seq, receivedAt, channel: script.channel, category: script.category, title: script.title, description: script.description, clues: script.clues, responsible: script.responsible, events });
        continue;
      }
      const channel = channelFor(n);
      const receivedAt = times[i]!;
      const category = categoryPicker.pick(r());
      const template = oneOf(r, CASE_TEMPLATES[category]);
      const vars = templateVars();
      const clues = category === 'BONE_MARROW_TRANSPLANT' && chance(r, 0.6) ? oneOf(r, ['DFIMS000061', 'DFIMS000616']) : unitPicker.pick(r()).clues;
      const responsible = responsibleFor(category, clues, template.responsible);
      writeCase({
        id, m, seq, receivedAt, channel, category, title: fill(template.title, vars), description: fill(template.description, vars), clues, responsible,
        events: history(m, receivedAt, category, clues, responsible, vars),
      });
    }
  }

  // Cases of the planned meeting: received in the last days, already taken into it, or waiting (after its deadline).
  const pm = M(planned);
  const fresh = (receivedAt: Date, m: MeetingInfo | null, key: string) => {
    const category = categoryPicker.pick(r());
    const template = oneOf(r, CASE_TEMPLATES[category]);
    const vars = templateVars();
    const clues = unitPicker.pick(r()).clues;
    if (m) seq++;
    writeCase({
      id: o.id('case', m ? String(seq) : key), m, seq: m ? seq : null, receivedAt, channel: chance(r, 0.6) ? 'CHATBOT' : 'EMAIL', category,
      title: fill(template.title, vars), description: fill(template.description, vars), clues, responsible: responsibleFor(category, clues, template.responsible), events: [],
    });
  };
  {
    const lo = pm.deadline.getTime() - 7 * DAY_MS;
    const hi = Math.min(now.getTime(), pm.deadline.getTime());
    const taken = Array.from({ length: plannedTaken }, () => lo + r() * (hi - lo)).sort((a, b) => a - b);
    for (const t of taken) fresh(new Date(t), pm, '');
    const late = Array.from({ length: waiting }, () => pm.deadline.getTime() + 1 + r() * (now.getTime() - pm.deadline.getTime() - 1)).sort((a, b) => a - b);
    late.forEach((t, i) => fresh(new Date(t), null, `waiting-${i + 1}`));
  }

  // Updates in time order (their bigserial ids follow it).
  updates.sort((a, b) => a.e.at.getTime() - b.e.at.getTime());
  for (const { caseId, e, from } of updates) {
    const entryDate = e.meeting ? e.meeting.date : isoOfDay(Math.floor((e.at.getTime() - 6 * 3_600_000) / DAY_MS));
    rows.caseUpdates.push([caseId, e.meeting?.id ?? null, entryDate, e.text, e.official ? officialId(e.official) : null, from, e.status, recorder, e.at]);
  }

  // ---------------------------------------------------------------- agreements
  const scriptedByMeeting = new Map<number, typeof SCRIPTED_AGREEMENTS[number][]>();
  for (const a of SCRIPTED_AGREEMENTS) scriptedByMeeting.set(a.meeting, [...(scriptedByMeeting.get(a.meeting) ?? []), a]);
  const onlyScripted = new Set([18, 19, 44, 46, 49]);
  const topicPicker = (n: number) => new Picker(AGREEMENT_TOPICS.filter((t) => t.from <= n).map((t) => [t, t.weight] as const));
  const agreementUpdates: { id: string; meeting: MeetingInfo; text: string; from: AgreementStatus; to: AgreementStatus; at: Date }[] = [];
  const IN_PROGRESS_TEXTS = ['Se informó el avance; el área responsable continúa con las acciones.', 'Se presentó un primer avance a las familias.', 'Se solicitó la información a las unidades involucradas.'];
  const DONE_TEXTS = ['Se informó el cumplimiento del acuerdo.', 'Se presentaron los resultados a las familias; se da por cumplido.'];
  const CANCEL_REASONS = ['Se atiende dentro de otro acuerdo vigente.', 'Las familias retiraron la solicitud.'];

  for (let n = 1; n <= held; n++) {
    const m = M(n);
    const list: { text: string; responsible: string; area: string | null; dueMeeting: number | null; dueDays: number | null; plan: { meeting: number; text: string; status: AgreementStatus }[] }[] = [];
    for (const a of scriptedByMeeting.get(n) ?? []) {
      list.push({ text: a.text, responsible: a.responsible, area: a.responsibleArea ?? null, dueMeeting: a.dueMeeting ?? null, dueDays: a.dueInDays ?? null, plan: a.updates.map((u) => ({ ...u })) });
    }
    if (!onlyScripted.has(n)) {
      const want = Math.max(list.length, int(r, 1, 3));
      const topics = topicPicker(n);
      while (list.length < want) {
        const t = topics.pick(r());
        const hospital = unit(m.familyUnits.length && chance(r, 0.6) ? oneOf(r, m.familyUnits) : unitPicker.pick(r()).clues).shortName;
        const text = fill(t.text, { drug: oneOf(r, DRUGS), hospital, feature: oneOf(r, CHATBOT_FEATURES) });
        if (list.some((x) => x.text === text)) continue;
        const byMeeting = chance(r, 0.7);
        const dueMeeting = byMeeting ? n + int(r, 1, 4) : null;
        const dueDays = byMeeting ? null : int(r, 14, 42);
        const dueN = dueMeeting ?? n + Math.ceil((dueDays ?? 14) / 7);
        const plan: { meeting: number; text: string; status: AgreementStatus }[] = [];
        const fate = r();
        const first = n + 1;
        plan.push({ meeting: first, text: oneOf(r, IN_PROGRESS_TEXTS), status: 'IN_PROGRESS' });
        if (fate < 0.06) plan.push({ meeting: first + int(r, 1, 3), text: oneOf(r, CANCEL_REASONS), status: 'CANCELLED' });
        else if (fate < 0.18) {
          if (chance(r, 0.5)) plan.push({ meeting: first + int(r, 2, 5), text: oneOf(r, IN_PROGRESS_TEXTS), status: 'IN_PROGRESS' });
        } else {
          const done = Math.max(first + 1, dueN + int(r, -1, 3));
          if (done - first > 2 && chance(r, 0.5)) plan.push({ meeting: first + 1, text: oneOf(r, IN_PROGRESS_TEXTS), status: 'IN_PROGRESS' });
          plan.push({ meeting: done, text: oneOf(r, DONE_TEXTS), status: 'DONE' });
        }
        list.push({ text, responsible: t.responsible, area: null, dueMeeting, dueDays, plan });
      }
    }
    list.forEach((a, i) => {
      const ordinal = i + 1;
      const id = o.id('agreement', `${n}/${ordinal}`);
      const createdAt = new Date(m.endedAt!.getTime() - 5 * MINUTE_MS);
      let status: AgreementStatus = 'PENDING';
      let reason: string | null = null;
      let completedAt: Date | null = null;
      let version = 1;
      let updatedAt = createdAt;
      let lastMeeting = n;
      for (const u of a.plan) {
        // Generated follow-ups skip meeting 19 (its record is seed 004's) and stop where the record ends.
        let k = Math.max(u.meeting, lastMeeting + 1);
        const scripted = (scriptedByMeeting.get(n) ?? []).length > i;
        if (!scripted) while (k <= held && !usable(k)) k++;
        if (k > held) break;
        const um = M(k);
        const at = new Date(um.at.getTime() + int(r, 5, 30) * MINUTE_MS);
        agreementUpdates.push({ id, meeting: um, text: u.text, from: status, to: u.status, at });
        um.agreementNotes.push(`Acuerdo ${n}/${ordinal} (${official(a.responsible).name}): ${u.text}`);
        status = u.status;
        if (status === 'CANCELLED') reason = u.text;
        if (status === 'DONE' || status === 'CANCELLED') completedAt = at;
        version++;
        updatedAt = at;
        lastMeeting = k;
      }
      m.agreementsRead.push(a.text);
      const dueDate = a.dueDays !== null ? isoOfDay(m.day + a.dueDays) : null;
      rows.agreements.push([id, m.id, ordinal, a.text, officialId(a.responsible), a.area, a.dueMeeting, dueDate, status, reason, completedAt, version, recorder, createdAt, updatedAt]);
    });
  }
  agreementUpdates.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const u of agreementUpdates) rows.agreementUpdates.push([u.id, u.meeting.id, u.meeting.date, u.text, u.from, u.to, recorder, u.at]);

  // ---------------------------------------------------------------- agendas and the meetings' rows
  const unitList = (clues: string[]) => {
    const names = [...new Set(clues)].map((c) => unit(c).shortName);
    return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} y ${names.at(-1)}`;
  };
  for (const m of meetings) {
    let agenda: AgendaItem[];
    if (m.number === 19) agenda = SEED_004_AGENDA.map((a) => ({ ...a }));
    else if (!m.closed) agenda = STANDARD_AGENDA.map((a) => ({ ...a, notes: '' }));
    else {
      const n = m.number;
      const presider = m.attendingOfficials.includes('dg') ? 'dg' : m.attendingOfficials.includes('dpm') ? 'dpm' : 'cvops';
      const supplySpeaker = m.attendingOfficials.includes('da') ? 'da' : 'cca';
      const reg = registeredAt(n);
      const regLine = reg > 0 ? `Se han registrado ${thousands(reg)} pacientes oncológicos pediátricos en la plataforma, ${thousands(reg - registeredAt(n - 1))} más que la semana previa.` : '';
      const codes = m.newCases.filter(Boolean);
      const reviewedOld = m.reviewed.size - codes.length;
      const topics = GENERAL_TOPICS.filter((t) => t.from <= n);
      const general = Array.from({ length: int(r, 1, 2) }, () => fill(oneOf(r, topics).text, { hospital: unit(m.familyUnits.length ? oneOf(r, m.familyUnits) : 'DFIMS000061').shortName }));
      const bulletin = BULLETIN_NOTES[n] ?? {};
      const notes: Record<string, string> = {
        welcome:
          `La sesión se llevó a cabo ${m.modality === 'HYBRID' ? 'de forma híbrida, en la Casa de la Niña y el Niño con Cáncer y a través de la plataforma Webex' : 'de forma virtual a través de la plataforma Webex'}. ` +
          `${withArticle(official(presider).name)} dio la bienvenida a las madres y los padres de familia y presentó a las y los funcionarios presentes. ` +
          `Participaron familias de pacientes atendidos en ${unitList(m.familyUnits)}.`,
        agreements: [bulletin.agreements, ...m.agreementNotes, regLine].filter(Boolean).join('\n') || 'No hubo acuerdos pendientes de seguimiento.',
        supply:
          bulletin.supply ??
          `${withArticle(official(supplySpeaker).name)} informó el abasto de medicamentos oncológicos con fecha de corte al ${longDate(m.day - 4)}: se cuenta con ` +
            `${milStyle(700_000 + int(r, 0, 150_000))} medicamentos en los almacenes del Instituto y del operador logístico; ${int(r, 2, 9)} claves con existencia baja están en seguimiento.`,
        cases: codes.length
          ? `Se revisaron ${m.reviewed.size} casos específicos: ${codes.length} nuevos (CE ${codes[0]}${codes.length > 1 ? ` a CE ${codes.at(-1)}` : ''}) y ${Math.max(0, reviewedOld)} en seguimiento; ${m.resolvedHere} se reportaron resueltos.`
          : `Se revisaron ${m.reviewed.size} casos específicos en seguimiento; ${m.resolvedHere} se reportaron resueltos.`,
        general: [bulletin.general, ...general].filter(Boolean).join('\n'),
        reading: m.agreementsRead.length ? `Se dio lectura a los acuerdos de la reunión:\n${m.agreementsRead.map((t, i) => `${i + 1}. ${t}`).join('\n')}` : 'No se adoptaron acuerdos nuevos.',
        closing: `Fin de la sesión: ${(() => {
          const w = mexicoWallTime(m.endedAt!);
          return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        })()} hrs.`,
      };
      agenda = STANDARD_AGENDA.map((a) => ({ key: a.key, title: a.title, notes: notes[a.key] ?? '' }));
    }
    const createdAt = m.number > 1 ? new Date(M(m.number - 1).endedAt?.getTime() ?? now.getTime() - 2 * DAY_MS) : new Date(m.at.getTime() - 10 * DAY_MS);
    const created = m.closed ? createdAt : new Date(Math.min(now.getTime() - 2 * 3_600_000, m.deadline.getTime() - 2 * DAY_MS));
    rows.meetings.push([
      m.id, m.number, m.at, false, m.modality, 'Webex', null, m.modality === 'HYBRID' ? 'Casa de la Niña y el Niño con Cáncer, Ciudad de México' : null,
      m.closed ? 'CLOSED' : 'PLANNED', m.deadline, m.deadline, JSON.stringify(agenda), m.startedAt, m.endedAt, m.closedAt, m.closed ? 4 : 1, recorder, created,
      m.closedAt ?? created,
    ]);
  }

  return { rows, lastSequence: seq, closedMeetings: held, plannedMeeting: planned };
}
