/**
 * The synthetic national registry: patients with guardians, consents, diagnoses, treatment plans,
 * cycles, chemotherapy administrations, measurements, status history, follow-ups, complications,
 * transfers and the tally events that count them, plus each unit's census and trainings.
 *
 * Deterministic: the same seed, "now" and patient count give the same rows (ids included). The
 * registry grows over the 52 weeks before "now": a launch backlog of patients already on treatment
 * in the first weeks, then a weekly flow that rises to ~120 new patients a week at the full scale of
 * 4,228 (seeds: "1,458 registrados, +154 respecto a la semana previa"). 45 % pediatric. The case mix,
 * time to treatment and outcome shares are drawn from low-discrepancy sequences, so they hit their
 * targets (leukaemia ≈ 49 %, CNS ≈ 12 %, lymphoma ≈ 10 % of children; ~9/10 treated within 3 days;
 * refusal ≈ 2 %, abandonment ≈ 4.7 %) even at a few hundred patients.
 *
 * Every summary column of a patient (treatment_status, status_since, vital_status, death_date,
 * last_contact_on, last_treatment_on, curative_intent, trace_reason_on) is what the clinical module
 * would have derived from the rows written for that patient (clinical-write.ts rules).
 *
 * Mexico City has had no daylight-saving time since October 2022: calendar days are computed at a
 * fixed UTC−6, which holds for every date this generator writes when "now" is 2024 or later.
 */
import { absoluteDoseMg, doxorubicinEquivalentMgM2, type DoseUnit } from '../clinical/anthracyclines.ts';
import { searchNameOf } from '../patients/search-name.ts';
import { bodySurfaceArea } from '../registry/domain/anthropometry.ts';
import { makeCurp } from '../registry/domain/curp.ts';
import { makeNss } from '../registry/domain/nss.ts';
import { stateCode, STATES } from '../units/states.ts';
import type { Cell, RowBuffer } from './bulk-insert.ts';
import { codeDiagnosis } from './diagnosis-coding.ts';
import { prng } from './ids.ts';
import { chance, GOLDEN, int, normal, oneOf, Picker, SQRT2_FRAC, SQRT3_FRAC, SQRT5_FRAC, SQRT7_FRAC, Weyl, type Rng } from './random.ts';
import {
  ADULT_DIAGNOSES,
  AREA_CODES,
  GIVEN_ADULT_F,
  GIVEN_ADULT_M,
  GIVEN_CHILD_F,
  GIVEN_CHILD_M,
  MAYA_STATES,
  MUNICIPALITIES,
  NEIGHBOURHOODS,
  PEDIATRIC_DIAGNOSES,
  REGIMENS,
  STREETS,
  SURNAMES,
  SURNAMES_MAYA,
  SUSPECT_TRACE_REASONS,
  TRACE_REASONS,
  TRAINING_TOPICS,
  type DxSpec,
  type OtherTreatmentSpec,
  type Regimen,
} from './registry-data.ts';

export const FULL_DEMO_PATIENTS = 4228;
export const PEDIATRIC_SHARE = 0.45;
/** Weeks of registrations before "now" (the demo: one year). */
const DEFAULT_WEEKS = 52;
const DAY_MS = 86_400_000;
const MX_OFFSET_MS = 6 * 3_600_000;

export interface RegistryUnit {
  id: string;
  clues: string;
  shortName: string;
  level: 'UMAE' | 'SECOND_LEVEL';
  state: string;
}

export interface RegistryOptions {
  seed: number;
  now: Date;
  patients: number;
  units: readonly RegistryUnit[];
  /** Deterministic ids (demoId for the demo; a cheaper counter-based one for benchmark scale). */
  id: (kind: string, key: string) => string;
  /** 'full': the whole clinical record; 'core': patient, first diagnosis, status history and tally (benchmark scale). */
  detail: 'full' | 'core';
  /** CURPs already in the database, never generated again. */
  takenCurps?: Iterable<string>;
  /** Who registers in a unit (demo accounts), by unit id. */
  registrarByUnit?: ReadonlyMap<string, string>;
  /** Prefix of patient keys (several loads into one database). */
  keyPrefix?: string;
  /** Weeks over which the registry grew (default 52; a national registry of a million: years). */
  weeks?: number;
}

export interface RegistryStats {
  patients: number;
  pediatric: number;
  byUnit: Map<string, { registered: number; pediatric: number }>;
  rows: Record<string, number>;
}

// --------------------------------------------------------------------------------- calendar

const dayCache = new Map<number, string>();
/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function isoDay(d: number): string {
  let s = dayCache.get(d);
  if (s === undefined) {
    s = new Date(d * DAY_MS).toISOString().slice(0, 10);
    if (dayCache.size < 200_000) dayCache.set(d, s);
  }
  return s;
}
/** Mexico City calendar day of an instant. */
export const localDay = (ms: number) => Math.floor((ms - MX_OFFSET_MS) / DAY_MS);
/** The instant of a Mexico City wall-clock time on day d (minutes after midnight). */
export const instantOf = (d: number, minutes: number) => new Date(d * DAY_MS + minutes * 60_000 + MX_OFFSET_MS);
const weekday = (d: number) => (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday

// ------------------------------------------------------------------------------ growth data

// Median height (cm) and weight (kg) by age, WHO/CDC order of magnitude, boys then girls.
const GROWTH_H: readonly (readonly [number, number, number])[] = [
  [0, 50, 3.3], [0.5, 67, 7.9], [1, 76, 9.6], [2, 87, 12.2], [3, 96, 14.3], [4, 103, 16.3], [5, 110, 18.3], [6, 116, 20.5],
  [7, 122, 22.9], [8, 128, 25.4], [9, 133, 28.1], [10, 138, 31.2], [11, 143, 35], [12, 149, 39.9], [13, 156, 45.3],
  [14, 163, 50.8], [15, 167, 55], [16, 169, 59], [17, 170, 62], [18, 170, 64],
];
const GROWTH_M: readonly (readonly [number, number, number])[] = [
  [0, 49, 3.2], [0.5, 65, 7.3], [1, 74, 8.9], [2, 86, 11.5], [3, 95, 13.9], [4, 102, 16], [5, 109, 18.2], [6, 115, 20.2],
  [7, 121, 22.4], [8, 127, 25], [9, 133, 28.2], [10, 138, 31.9], [11, 144, 36.9], [12, 150, 41.5], [13, 154, 45.8],
  [14, 156, 49.4], [15, 157, 51.5], [16, 158, 53], [17, 158, 54], [18, 158, 55],
];
function medianBody(sex: 'H' | 'M', age: number): [number, number] {
  const t = sex === 'H' ? GROWTH_H : GROWTH_M;
  if (age >= 18) return [t[t.length - 1]![1], t[t.length - 1]![2]];
  for (let i = 1; i < t.length; i++) {
    const [a1, h1, w1] = t[i]!;
    if (age <= a1) {
      const [a0, h0, w0] = t[i - 1]!;
      const f = (age - a0) / (a1 - a0);
      return [h0 + f * (h1 - h0), w0 + f * (w1 - w0)];
    }
  }
  return [t[t.length - 1]![1], t[t.length - 1]![2]];
}

// ----------------------------------------------------------------------- unit characteristics

interface UnitProfile {
  unit: RegistryUnit;
  /** Relative size. */
  size: number;
  /** Share of its patients who are children. */
  pediatricShare: number;
  physicians: string[];
}

/** Size and pediatric share per unit: pediatric UMAE treat children only, the oncology UMAE adults. */
function profileOf(u: RegistryUnit, r: Rng): Omit<UnitProfile, 'physicians'> {
  const special: Record<string, [number, number]> = {
    DFIMS000616: [7, 1], // Pediatría CMN Siglo XXI
    JCIMS000325: [6, 1], // Pediatría CMN Occidente
    DFIMS000061: [8, 0.75], // HG CMN La Raza
    DFIMS000604: [9, 0.02], // Oncología CMN Siglo XXI
    GTIMS000254: [4.5, 0.7], // HGP 48 León
    NLIMS000303: [5.5, 0.35], // HE 25 Monterrey
  };
  const s = special[u.clues];
  if (s) return { unit: u, size: s[0], pediatricShare: s[1] };
  return u.level === 'UMAE'
    ? { unit: u, size: 3.5 + r() * 1.5, pediatricShare: 0.3 }
    : { unit: u, size: 0.9 + r() * 1.1, pediatricShare: 0.5 };
}

// ------------------------------------------------------------------------------ the generator

interface CycleGen {
  id: string;
  k: number;
  course: string;
  drugs: Regimen['courses'][number]['drugs'];
  planned: number;
  actual: number | null;
  status: 'PLANNED' | 'GIVEN' | 'DELAYED' | 'CANCELLED';
  notes: string | null;
  unitId: string;
}

interface MeasurementGen {
  day: number;
  weightKg: number;
  heightCm: number;
  bsa: number;
}

type Status = 'NEW' | 'ON_TREATMENT' | 'SURVEILLANCE' | 'COMPLETED' | 'REFUSED' | 'ABANDONED' | 'PALLIATIVE' | 'DECEASED' | 'TRANSFERRED';

interface PatientState {
  i: number;
  key: string;
  id: string;
  unit: UnitProfile;
  /** Unit at registration (differs after a transfer). */
  originUnit: UnitProfile;
  transferDay: number | null;
  regAt: Date;
  regDay: number;
  sex: 'H' | 'M';
  birthDay: number;
  statuses: { status: Status; since: number; reason: string | null }[];
  lastTreatment: number | null;
  lastContact: number | null;
  traceReasonOn: number | null;
  vital: 'ALIVE' | 'DECEASED' | 'UNKNOWN';
  deathDay: number | null;
  curative: boolean;
  seq: number;
}

type Outcome = 'normal' | 'refused' | 'abandoned' | 'suspect' | 'overdue';

export class RegistryGenerator {
  readonly stats: RegistryStats;
  private readonly r: Rng;
  private readonly today: number;
  private readonly launchDay: number;
  private readonly launchMs: number;
  private readonly binEnds: number[];
  private bin = 0;
  private readonly weeks: number;
  private readonly profiles: UnitProfile[];
  private readonly pedUnits: Picker<UnitProfile>;
  private readonly adultUnits: Picker<UnitProfile>;
  private readonly pedDx = new Picker(PEDIATRIC_DIAGNOSES.map((d) => [d, d.weight] as const));
  private readonly adultDx = new Picker(ADULT_DIAGNOSES.map((d) => [d, d.weight] as const));
  private readonly pedSeq = new Weyl(0.137, GOLDEN);
  private readonly pedDxSeq = new Weyl(0.291, SQRT2_FRAC);
  private readonly adultDxSeq = new Weyl(0.593, SQRT2_FRAC);
  private readonly pedOutcomeSeq = new Weyl(0.071, SQRT3_FRAC);
  private readonly adultOutcomeSeq = new Weyl(0.419, SQRT3_FRAC);
  private readonly pedTttSeq = new Weyl(0.333, SQRT5_FRAC);
  private readonly adultTttSeq = new Weyl(0.777, SQRT5_FRAC);
  private readonly deathSeq = new Weyl(0.5, SQRT7_FRAC);
  private readonly curps: Set<string>;
  private readonly givenChildF = new Picker(GIVEN_CHILD_F);
  private readonly givenChildM = new Picker(GIVEN_CHILD_M);
  private readonly givenAdultF = new Picker(GIVEN_ADULT_F);
  private readonly givenAdultM = new Picker(GIVEN_ADULT_M);
  private readonly surnames = new Picker(SURNAMES);
  private readonly mayaSurnames = new Picker(SURNAMES_MAYA);
  private readonly nowYear: number;
  private readonly full: boolean;
  private readonly keyPrefix: string;

  constructor(private readonly o: RegistryOptions) {
    if (o.units.length === 0) throw new RangeError('the registry needs units');
    this.r = prng(o.seed ^ 0x5eed_a90);
    this.full = o.detail === 'full';
    this.keyPrefix = o.keyPrefix ?? '';
    const nowMs = o.now.getTime();
    this.today = localDay(nowMs);
    this.nowYear = new Date(nowMs).getUTCFullYear();
    this.weeks = Math.max(8, o.weeks ?? DEFAULT_WEEKS);
    const WEEKS = this.weeks;
    this.launchMs = nowMs - WEEKS * 7 * DAY_MS;
    this.launchDay = localDay(this.launchMs);
    this.curps = new Set(o.takenCurps ?? []);
    this.stats = { patients: 0, pediatric: 0, byUnit: new Map(), rows: {} };

    // Weekly registrations: a launch backlog, then a flow that rises through the year.
    const weights: number[] = [];
    for (let j = 0; j < WEEKS; j++) {
      const base = 0.5 + (1.5 * j) / (WEEKS - 1) + (j < 7 ? 1.2 * (1 - j / 7) : 0);
      weights.push(base * (0.88 + 0.24 * this.r()));
    }
    const total = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((w) => (w / total) * o.patients);
    const counts = exact.map(Math.floor);
    let rest = o.patients - counts.reduce((a, b) => a + b, 0);
    const order = exact.map((x, j) => [x - Math.floor(x), j] as const).sort((a, b) => b[0] - a[0]);
    for (let k = 0; rest > 0; k = (k + 1) % WEEKS, rest--) counts[order[k]![1]]!++;
    let acc = 0;
    this.binEnds = counts.map((c) => (acc += c));

    this.profiles = o.units.map((u) => ({ ...profileOf(u, this.r), physicians: [] }));
    for (const p of this.profiles) {
      const n = p.unit.level === 'UMAE' ? int(this.r, 5, 9) : int(this.r, 2, 4);
      for (let k = 0; k < n; k++) {
        const sex = chance(this.r, 0.55) ? 'M' : 'H';
        const given = (sex === 'M' ? this.givenAdultF : this.givenAdultM).pick(this.r());
        p.physicians.push(`${sex === 'M' ? 'Dra.' : 'Dr.'} ${given} ${this.surnames.pick(this.r())} ${this.surnames.pick(this.r())}`);
      }
    }
    this.pedUnits = new Picker(this.profiles.map((p) => [p, p.size * p.pediatricShare] as const));
    this.adultUnits = new Picker(this.profiles.map((p) => [p, p.size * (1 - p.pediatricShare)] as const));
  }

  /** Day of the first registrations (the census and the weekly series start there). */
  get firstDay(): number {
    return this.launchDay;
  }

  // ------------------------------------------------------------------------ one patient

  /** Generates patient number i (0-based, in order) into `out`. */
  patient(i: number, out: RowBuffer): void {
    const r = this.r;
    while (this.bin < this.weeks - 1 && i >= this.binEnds[this.bin]!) this.bin++;
    const bin = this.bin;
    const regAt = this.registrationInstant(bin);
    const regDay = localDay(regAt.getTime());

    const pedPopulation = this.pedSeq.next() < PEDIATRIC_SHARE;
    const spec = pedPopulation ? this.pedDx.pick(this.pedDxSeq.next()) : this.adultDx.pick(this.adultDxSeq.next());
    const unit = (pedPopulation ? this.pedUnits : this.adultUnits).pick(r());

    // Diagnosis date: the launch backlog brings patients diagnosed months or years before.
    const prevalent = chance(r, bin < 8 ? 0.7 : 0.12);
    const lag = prevalent ? 30 + Math.floor(r() ** 1.4 * 800) : this.newCaseLag();
    const dxDay = regDay - lag;
    const band = pickBand(r, spec.ages);
    const ageYears = band[0] + r() * (band[1] - band[0]);
    const ageDays = Math.min(Math.max(Math.floor(ageYears * 365.25), pedPopulation ? 20 : Math.ceil(18 * 365.25) + 2), pedPopulation ? Math.floor(17.99 * 365.25) : 80 * 365);
    const birthDay = dxDay - ageDays;
    const sex: 'H' | 'M' = chance(r, spec.male) ? 'H' : 'M';

    // A few recent registrations have no diagnosis yet; a few older ones never got one (missing data).
    const recent = regDay >= this.today - 21;
    const hasDiagnosis = !chance(r, recent ? 0.3 : 0.012);
    const pediatric = ageInYearsDays(birthDay, hasDiagnosis ? dxDay : regDay) < 18;

    const key = `${this.keyPrefix}${i}`;
    const id = this.o.id('patient', key);
    const p: PatientState = {
      i, key, id, unit, originUnit: unit, transferDay: null, regAt, regDay, sex, birthDay,
      statuses: [{ status: 'NEW', since: regDay, reason: 'Registro en la plataforma' }],
      lastTreatment: null, lastContact: null, traceReasonOn: null, vital: 'ALIVE', deathDay: null, curative: false, seq: 0,
    };

    // Intra-network transfer (referral to a UMAE) for a few patients.
    if (chance(r, 0.006) && regDay <= this.today - 30) {
      const dest = this.transferDestination(unit);
      if (dest) {
        p.transferDay = regDay + int(r, 7, this.today - regDay);
        p.unit = dest;
      }
    }

    const person = this.person(p, pedPopulation, ageYears);
    const unitForDay = (d: number) => (p.transferDay !== null && d >= p.transferDay ? p.unit.unit.id : p.originUnit.unit.id);

    if (hasDiagnosis) this.clinical(p, out, spec, pedPopulation, dxDay, recent, unitForDay);

    // ---- patient row and tally
    const current = currentStatus(p.statuses);
    const registrar = this.o.registrarByUnit?.get(p.originUnit.unit.id) ?? null;
    out.add('patients', [
      id, person.curp, person.nss, person.agregado, person.given, person.first, person.second, person.searchName, isoDay(birthDay), sex,
      person.state, person.municipality, person.address, p.unit.unit.id, person.physician, pediatric, current.status, isoDay(current.since),
      p.vital, p.deathDay === null ? null : isoDay(p.deathDay), p.lastContact === null ? null : isoDay(p.lastContact),
      p.lastTreatment === null ? null : isoDay(p.lastTreatment), p.curative, p.traceReasonOn === null ? null : isoDay(p.traceReasonOn),
      regAt, registrar, regAt, this.capture(p, this.today),
    ]);
    this.statusRows(p, out);
    out.add('tally', [p.originUnit.unit.id, id, pediatric, 1, 'REGISTER', regAt]);
    if (p.transferDay !== null) {
      const at = instantOf(p.transferDay, 11 * 60 + int(r, 0, 300));
      out.add('tally', [p.originUnit.unit.id, id, pediatric, -1, 'TRANSFER_OUT', at]);
      out.add('tally', [p.unit.unit.id, id, pediatric, 1, 'TRANSFER_IN', at]);
      if (this.full) {
        out.add('transfers', [
          this.o.id('transfer', key), id, p.originUnit.unit.id, p.unit.unit.id, isoDay(p.transferDay),
          'Referencia a unidad de alta especialidad para continuar el tratamiento', at,
        ]);
      }
    }
    if (this.full) this.contactRows(p, person, pediatric, out);

    this.stats.patients++;
    if (pediatric) this.stats.pediatric++;
    const u = this.stats.byUnit.get(p.unit.unit.id) ?? { registered: 0, pediatric: 0 };
    u.registered++;
    if (pediatric) u.pediatric++;
    this.stats.byUnit.set(p.unit.unit.id, u);
  }

  private registrationInstant(bin: number): Date {
    const r = this.r;
    const start = this.launchMs + bin * 7 * DAY_MS;
    const nowMs = this.o.now.getTime();
    for (let attempt = 0; attempt < 8; attempt++) {
      const day = localDay(start + Math.floor(r() * 7) * DAY_MS);
      const wd = weekday(day);
      if ((wd === 0 || wd === 6) && r() < 0.85) continue;
      const minutes = 8 * 60 + Math.floor(r() * 11 * 60);
      const t = instantOf(day, minutes);
      if (t.getTime() >= start && t.getTime() < nowMs) return t;
    }
    const t = start + Math.floor(r() * Math.max(1, Math.min(7 * DAY_MS, nowMs - start)));
    return new Date(Math.min(t, nowMs - 60_000));
  }

  /** Days from diagnosis to registration of a new case. */
  private newCaseLag(): number {
    const u = this.r();
    if (u < 0.6) return Math.floor(this.r() * 8);
    if (u < 0.9) return 8 + Math.floor(this.r() * 23);
    return 31 + Math.floor(this.r() * 60);
  }

  private transferDestination(from: UnitProfile): UnitProfile | undefined {
    const candidates = this.profiles.filter((p) => p !== from && p.unit.level === 'UMAE' && p.pediatricShare > 0.1);
    const sameState = candidates.filter((p) => p.unit.state === from.unit.state);
    const list = sameState.length ? sameState : candidates;
    return list.length ? oneOf(this.r, list) : undefined;
  }

  // ----------------------------------------------------------------------- identity

  private person(p: PatientState, pedPopulation: boolean, ageYears: number) {
    const r = this.r;
    const unitState = p.unit.unit.state;
    const maya = MAYA_STATES.has(unitState);
    const surname = () => (maya && chance(r, 0.3) ? this.mayaSurnames : this.surnames).pick(r());
    const first = surname();
    const second = chance(r, 0.985) ? surname() : null;
    const birthYear = Number(isoDay(p.birthDay).slice(0, 4));
    const young = this.nowYear - birthYear < 25;
    const given = (p.sex === 'M' ? (young ? this.givenChildF : this.givenAdultF) : young ? this.givenChildM : this.givenAdultM).pick(r());
    const birthState = chance(r, 0.85) ? unitState : STATES[Math.floor(r() * STATES.length)]![1];
    const curp = this.uniqueCurp(first, second, given, isoDay(p.birthDay), p.sex, stateCode(birthState)!);
    const state = chance(r, 0.93) ? unitState : birthState;
    const munis = MUNICIPALITIES[state] ?? [];
    const municipality = munis.length && chance(r, 0.92) ? oneOf(r, munis) : null;
    const address = chance(r, 0.8) ? `${oneOf(r, STREETS)} ${int(r, 1, 2400)}, Col. ${oneOf(r, NEIGHBOURHOODS)}` : null;
    // NSS: adults their own; children the insured parent's, with the agregado médico of a beneficiary.
    let nss: string | null = null;
    let agregado: string | null = null;
    const yy = (n: number) => String(n % 100).padStart(2, '0');
    if (chance(r, pedPopulation ? 0.8 : 0.88)) {
      const parentBirth = pedPopulation ? birthYear - int(r, 20, 38) : birthYear;
      const affiliation = Math.min(this.nowYear, parentBirth + int(r, 17, 30));
      nss = makeNss(`${String(int(r, 1, 97)).padStart(2, '0')}${yy(affiliation)}${yy(parentBirth)}${String(int(r, 0, 9999)).padStart(4, '0')}`);
      const regime = !pedPopulation && ageYears >= 60 && chance(r, 0.4) ? 'PE' : 'OR';
      agregado = `${pedPopulation ? 3 : regime === 'PE' ? 5 : 1}${p.sex}${birthYear}${regime}`;
    }
    const physician = chance(r, 0.93) ? oneOf(r, p.unit.physicians) : null;
    return { first, second, given, curp, nss, agregado, state, municipality, address, physician, searchName: searchNameOf({ firstSurname: first, secondSurname: second, givenNames: given }) };
  }

  /** A CURP no one else has: the homonymy character (position 17) tells namesakes apart. */
  private uniqueCurp(first: string, second: string | null, given: string, birthDate: string, sex: 'H' | 'M', state: string): string {
    const letters = Number(birthDate.slice(0, 4)) >= 2000 ? 'ABCDEFGHIJKLMNPQRSTUVWXYZ' : '0123456789';
    for (const homonymy of letters) {
      const curp = makeCurp({ firstSurname: first, secondSurname: second, givenNames: given, birthDate, sex, stateCode: state, homonymy });
      if (!this.curps.has(curp)) {
        this.curps.add(curp);
        return curp;
      }
    }
    // Every differentiator taken (never seen in practice): vary the given name.
    return this.uniqueCurp(first, second, `${given} ${oneOf(this.r, ['Alberto', 'Beatriz', 'Ernesto', 'Inés'])}`, birthDate, sex, state);
  }

  // ----------------------------------------------------------------------- clinical record

  private clinical(p: PatientState, out: RowBuffer, spec: DxSpec, pedPopulation: boolean, dxDay: number, recent: boolean, unitAt: (d: number) => string): void {
    const r = this.r;
    const full = this.full;
    const today = this.today;
    const dxId = this.o.id('diagnosis', p.key);
    const topography = this.pickerOf(spec.topographies).pick(r());
    const coded = codeDiagnosis(topography, spec.morphology, spec.behaviour);
    const laterality = spec.paired ? (chance(r, 0.08) ? 'BILATERAL' : chance(r, 0.5) ? 'RIGHT' : 'LEFT') : 'NOT_APPLICABLE';
    out.add('diagnoses', [
      dxId, p.id, 1, topography, spec.morphology, spec.behaviour, this.pickerOf(spec.basis).pick(r()), isoDay(dxDay), laterality,
      spec.stages && chance(r, 0.9) ? oneOf(r, spec.stages) : null, spec.riskGroups && chance(r, 0.95) ? oneOf(r, spec.riskGroups) : null,
      coded.icd10, coded.icccGroup, coded.icccSubgroup, unitAt(dxDay), this.capture(p, dxDay),
    ]);

    // Outcome class, time to treatment, survival.
    const palliative = chance(r, spec.palliative);
    const u = (pedPopulation ? this.pedOutcomeSeq : this.adultOutcomeSeq).next();
    let outcome: Outcome = 'normal';
    if (!palliative) {
      const [refused, abandoned, suspect, overdue] = pedPopulation ? [0.02, 0.065, 0.025, 0.04] : [0.015, 0.035, 0.02, 0.04];
      if (u < refused) outcome = 'refused';
      else if (u < refused + abandoned) outcome = 'abandoned';
      else if (u < refused + abandoned + suspect) outcome = 'suspect';
      else if (u < refused + abandoned + suspect + overdue) outcome = 'overdue';
    } else if (u > 0.96) outcome = 'overdue';
    const fast = (pedPopulation ? this.pedTttSeq : this.adultTttSeq).next() < (pedPopulation ? 0.9 : 0.7);
    const delay = fast ? (chance(r, 0.45) ? 0 : chance(r, 0.6) ? 1 : 2) : 3 + Math.floor(r() ** 2 * 25);
    const firstTx = dxDay + delay;
    const dies = this.deathSeq.next() < (palliative ? Math.max(0.85, 1 - spec.s5) : 1 - spec.s5);
    let deathDay: number | null = null;
    if (dies) {
      const t = palliative ? 10 + Math.floor(r() ** 1.3 * 540) : 5 + Math.floor(r() ** 1.7 * 1825);
      const d = dxDay + t;
      if (d <= today && d > p.regDay && outcome !== 'abandoned' && outcome !== 'refused') deathDay = d;
    }

    // Not yet planned: diagnosed in the last days, plan still to be captured.
    if ((recent && dxDay >= today - 10 && chance(r, 0.35)) || firstTx > today) {
      this.finishDeath(p, deathDay, out);
      return;
    }
    if (deathDay !== null && deathDay <= firstTx) {
      // Died before any treatment (early death).
      this.finishDeath(p, deathDay, out);
      return;
    }

    // ---- plan
    const regimen: Regimen | null = spec.regimen && chance(r, spec.chemoShare ?? 1) ? REGIMENS[spec.regimen] : null;
    const others = (spec.other ?? []).filter((o) => chance(r, o.share));
    if (!regimen && others.length === 0) {
      if (spec.other?.length) others.push(spec.other[0]!);
    }
    const chemo: Regimen | null = regimen ?? (others.length === 0 && spec.regimen ? REGIMENS[spec.regimen] : null);
    const planId = this.o.id('plan', p.key);
    const intent = palliative ? 'PALLIATIVE' : 'CURATIVE';
    const nPlanned = chemo ? int(r, chemo.plannedCycles[0], chemo.plannedCycles[1]) : null;
    const L = chemo?.cycleLengthDays ?? null;
    const protocol = chemo ? chemo.protocol : `${spec.label}: ${others.map((o) => o.description.toLowerCase()).join(' y ')}`;
    p.curative = intent === 'CURATIVE';
    p.statuses.push({ status: palliative ? 'PALLIATIVE' : 'ON_TREATMENT', since: firstTx, reason: `Inicio del plan ${protocol}` });
    this.touchTreatment(p, firstTx); // creating the plan is a treatment event (create-plan.ts)

    // ---- refusal: the family refuses upfront, nothing is given
    if (outcome === 'refused') {
      const refusedOn = Math.min(today, firstTx + int(r, 1, 7));
      p.statuses.push({ status: 'REFUSED', since: Math.max(refusedOn, firstTx + 1), reason: 'La familia rechazó el tratamiento' });
      out.add('plans', [planId, p.id, dxId, protocol, intent, isoDay(firstTx), nPlanned, L, null, this.capture(p, firstTx)]);
      if (full && chemo) {
        const c = chemo.courses[0]!;
        out.add('cycles', [this.o.id('cycle', `${p.key}:0`), planId, p.id, c.name, 1, null, isoDay(firstTx), null, 'CANCELLED', 'Rechazo del tratamiento', unitAt(firstTx), this.capture(p, firstTx)]);
      }
      if (full) {
        this.followUp(p, out, Math.max(firstTx + 1, Math.min(today, refusedOn)), 'OTHER', 'ALIVE', null, null, 'Se informó a la familia el pronóstico y las opciones de tratamiento; rechazan el tratamiento.', unitAt(refusedOn));
      }
      return;
    }

    // ---- other treatments given at diagnosis (surgery first, or radiotherapy)
    const otherRows: { spec: OtherTreatmentSpec; start: number }[] = [];
    const dxOthers = others.filter((o) => o.when === 'DX');
    let chemoStart = firstTx;
    if (dxOthers.length) {
      let d = firstTx;
      for (const o of dxOthers) {
        otherRows.push({ spec: o, start: d });
        d += o.kind === 'SURGERY' ? int(r, 14, 28) : 1;
      }
      chemoStart = d + (chemo ? int(r, 0, 10) : 0);
    }

    // ---- cycles
    const cycles: CycleGen[] = [];
    let abandonAt = Infinity;
    let suspectGap = Infinity;
    let overdueDays = 0;
    if (chemo && L && nPlanned) {
      if (outcome === 'abandoned') {
        const maxK = Math.floor((today - chemoStart - 30 - 20) / L);
        if (maxK >= 1) abandonAt = Math.min(1 + Math.floor(r() * Math.min(nPlanned - 1, 5)), maxK);
        else outcome = today - chemoStart > 40 ? 'suspect' : 'normal';
      }
      if (outcome === 'suspect') suspectGap = 32 + Math.floor(r() * 50);
      if (outcome === 'overdue') overdueDays = int(r, 3, 20);
      let prevActual = -1;
      let prevId: string | null = null;
      let courseIdx = 0;
      let inCourse = 0;
      for (let k = 0; k < nPlanned; k++) {
        const course = chemo.courses[Math.min(courseIdx, chemo.courses.length - 1)]!;
        let planned = k === 0 ? chemoStart : prevActual + L;
        let status: CycleGen['status'] | null = null;
        let notes: string | null = null;
        if (k >= abandonAt) [status, notes] = ['CANCELLED', 'No acudió: abandono de tratamiento'];
        else if (deathDay !== null && planned >= deathDay - 2) [status, notes] = ['CANCELLED', 'Defunción'];
        else if (k > 0 && outcome === 'suspect' && planned > today - suspectGap) status = 'PLANNED';
        else if (k > 0 && outcome === 'overdue' && planned > today - overdueDays) {
          planned = Math.min(planned, today - overdueDays);
          status = chance(r, 0.3) ? 'DELAYED' : 'PLANNED';
        } else if (planned > today) status = 'PLANNED';
        let actual: number | null = null;
        if (status === null) {
          // The first cycle starts on the decided day (time to treatment); later ones sometimes slip.
          // Monthly cycles rarely slip (a slip would open a 4-week gap); shorter ones sometimes by days or a week or two.
          const late = k === 0 || chance(r, L >= 28 ? 0.95 : 0.85) ? 0 : L >= 28 ? int(r, 1, 2) : chance(r, 0.8) ? int(r, 1, 5) : int(r, 7, 14);
          actual = planned + late;
          if (deathDay !== null && actual >= deathDay) [status, notes, actual] = ['CANCELLED', 'Defunción', null];
          else if (actual > today) [status, actual] = [planned < today ? 'DELAYED' : 'PLANNED', null];
          else [status, notes] = ['GIVEN', late >= 7 ? 'Diferido por citopenia' : null];
        }
        // Only the full record keeps every cycle; benchmark scale keeps the first one.
        const keep = full || k === 0;
        const day = actual ?? Math.min(planned, today);
        const c: CycleGen | null = keep || status === 'GIVEN'
          ? { id: keep ? this.o.id('cycle', `${p.key}:${k}`) : '', k, course: course.name, drugs: course.drugs, planned, actual, status, notes, unitId: unitAt(day) }
          : null;
        if (keep) this.emitCycle(p, out, planId, c!, k, prevId);
        if (status !== 'GIVEN') break;
        cycles.push(c!);
        prevActual = actual!;
        prevId = c!.id;
        this.touchTreatment(p, actual!);
        if (++inCourse >= course.cycles) {
          courseIdx++;
          inCourse = 0;
        }
      }
    }
    const given = cycles; // the cycles given, in order
    const lastGiven = given.length ? given[given.length - 1]!.actual! : null;
    const allGiven = chemo ? given.length === nPlanned : true;
    // An outcome that could not happen (no chemotherapy to miss, or every cycle given before the
    // patient would have stopped coming) leaves a patient who simply completes the plan.
    if ((outcome === 'suspect' || outcome === 'overdue' || outcome === 'abandoned') && (allGiven || lastGiven === null)) outcome = 'normal';

    // ---- other treatments after n cycles or at the end
    const chemoEnd = chemo && L && lastGiven !== null ? lastGiven + L : chemoStart;
    for (const o of others) {
      if (o.when === 'DX') continue;
      let start: number | null = null;
      if (typeof o.when === 'number') {
        if (o.when === 0) start = chemoStart;
        else if (given.length >= o.when) start = given[o.when - 1]!.actual! + int(r, 7, 14);
      } else if (allGiven) {
        start = chemoEnd + (o.kind === 'TRANSPLANT' ? int(r, 30, 60) : chemo ? int(r, 7, 30) : int(r, 0, 10));
      }
      if (start === null || start > today || (deathDay !== null && start >= deathDay) || (outcome === 'abandoned' && lastGiven !== null && start > lastGiven)) continue;
      otherRows.push({ spec: o, start });
    }
    let otherEnd = firstTx;
    for (const [n, { spec: o, start }] of otherRows.entries()) {
      let end: number | null = start;
      if (o.kind === 'RADIOTHERAPY' && o.fractions) end = start + Math.ceil((o.fractions * 7) / 5) - 1;
      if (o.kind === 'TRANSPLANT') end = start + int(r, 21, 35);
      if (end > today || (deathDay !== null && end >= deathDay)) end = null;
      this.touchTreatment(p, end ?? start);
      otherEnd = Math.max(otherEnd, end ?? start);
      if (full) {
        out.add('otherTreatments', [
          this.o.id('other', `${p.key}:${n}`), p.id, o.kind, isoDay(start), end === null ? null : isoDay(end), o.description,
          o.doseGy ?? null, o.fractions ?? null, o.subtype ?? null, unitAt(start), this.capture(p, end ?? start),
        ]);
      }
    }

    // ---- how it ends (so far)
    const treatmentEnd = Math.max(chemoEnd, otherEnd);
    const ongoingOthers = otherRows.some((o) => o.start > today - 45);
    let completedOn: number | null = null;
    if (outcome === 'abandoned' && lastGiven !== null) {
      const missed = lastGiven + (L ?? 21);
      const confirmed = missed + 28 + int(r, 0, 20);
      if (confirmed <= today) {
        p.statuses.push({ status: 'ABANDONED', since: confirmed, reason: 'Abandono de tratamiento confirmado (4 semanas sin acudir)' });
        const unknown = chance(r, 0.4);
        this.followUp(p, out, confirmed, 'ABANDONMENT_TRACE', unknown ? 'UNKNOWN' : 'ALIVE', null, oneOf(r, TRACE_REASONS), null, unitAt(confirmed));
        if (unknown) p.vital = 'UNKNOWN';
      }
    } else if (outcome === 'suspect' && lastGiven !== null && chance(r, 0.4)) {
      const traced = Math.min(today, lastGiven + int(r, 29, 45));
      // A trace after the death would be a call to a family already recorded as bereaved.
      if (traced > lastGiven && (deathDay === null || traced < deathDay)) this.followUp(p, out, traced, 'ABANDONMENT_TRACE', 'ALIVE', null, oneOf(r, SUSPECT_TRACE_REASONS), null, unitAt(traced));
    } else if (allGiven && outcome === 'normal' && !palliative && treatmentEnd <= today && !ongoingOthers && (deathDay === null || treatmentEnd < deathDay - 30)) {
      completedOn = treatmentEnd;
      p.statuses.push({ status: 'COMPLETED', since: completedOn, reason: 'Fin del tratamiento planeado' });
      const surveillance = completedOn + int(r, 14, 45);
      if (chance(r, 0.85) && surveillance <= today && (deathDay === null || surveillance < deathDay - 20)) {
        p.statuses.push({ status: 'SURVEILLANCE', since: surveillance, reason: 'Evaluación de fin de tratamiento: en remisión' });
      }
    } else if (outcome === 'normal' && deathDay === null && chance(r, 0.006)) {
      const on = Math.min(today, (lastGiven ?? firstTx) + int(r, 2, 20));
      if (on > (lastGiven ?? firstTx)) p.statuses.push({ status: 'TRANSFERRED', since: on, reason: 'Referido a otra institución (convenio IMSS–Teletón)' });
    }

    // ---- measurements, administrations, follow-ups, complications (full detail only)
    const measurements = full ? this.measurements(p, out, firstTx, given, deathDay) : [];
    if (full) {
      // Administrations of the latest cycle given, and of the first one when it was recent.
      const withDrugs = new Set<number>();
      if (given.length) withDrugs.add(given.length - 1);
      if (given.length && given[0]!.actual! > today - 180) withDrugs.add(0);
      const reduced = chance(r, 0.1);
      for (const k of withDrugs) this.administrations(p, out, given[k]!, measurements, reduced && k > 0 ? 25 : 0);
      // Visits during treatment: every third cycle.
      const remissionLikely = spec.morphology.startsWith('98') || spec.morphology.startsWith('96') || spec.morphology.startsWith('97');
      for (let k = 2; k < given.length; k += 3) {
        this.followUp(p, out, given[k]!.actual!, 'VISIT', 'ALIVE', remissionLikely ? 'REMISSION' : 'STABLE', null, null, given[k]!.unitId);
      }
      if (completedOn !== null) {
        const lost = chance(r, 0.1);
        let d = completedOn + int(r, 60, 110);
        for (let n = 0; d <= today && (deathDay === null || d < deathDay - 20) && n < (lost ? 1 : 8); n++) {
          this.followUp(p, out, d, chance(r, 0.8) ? 'VISIT' : 'PHONE', 'ALIVE', 'REMISSION', null, null, unitAt(d));
          d += int(r, 75, 110);
        }
      }
      if (deathDay !== null) {
        const relapse = deathDay - int(r, 20, 90);
        if (relapse > Math.max(firstTx, ...p.statuses.map((s) => s.since))) {
          this.followUp(p, out, relapse, 'VISIT', 'ALIVE', completedOn !== null ? 'RELAPSE' : 'PROGRESSION', null, null, unitAt(relapse));
          if (chance(r, 0.6)) p.statuses.push({ status: 'PALLIATIVE', since: relapse + int(r, 1, 10), reason: 'Cuidados paliativos' });
        }
      }
      this.complications(p, out, spec, given, deathDay, pedPopulation);
    }
    const plannedEnd = chemo && L && nPlanned ? isoDay(chemoStart + nPlanned * L) : otherEnd > firstTx ? isoDay(otherEnd) : null;
    out.add('plans', [planId, p.id, dxId, protocol, intent, isoDay(firstTx), nPlanned, L, completedOn !== null ? isoDay(completedOn) : plannedEnd, this.capture(p, firstTx)]);
    this.finishDeath(p, deathDay, out);
  }

  private finishDeath(p: PatientState, deathDay: number | null, _out: RowBuffer): void {
    if (deathDay === null) return;
    const last = Math.max(...p.statuses.filter((s) => s.status !== 'NEW').map((s) => s.since), p.regDay);
    const day = Math.max(deathDay, last + 1);
    if (day > this.today) return;
    p.statuses.push({ status: 'DECEASED', since: day, reason: 'Defunción' });
    p.vital = 'DECEASED';
    p.deathDay = day;
  }

  private emitCycle(p: PatientState, out: RowBuffer, planId: string, c: CycleGen, k: number, prevId: string | null): void {
    out.add('cycles', [
      c.id, planId, p.id, c.course, k + 1, prevId, isoDay(c.planned), c.actual === null ? null : isoDay(c.actual), c.status, c.notes, c.unitId,
      this.capture(p, c.actual ?? Math.min(c.planned, this.today)),
    ]);
  }

  private measurements(p: PatientState, out: RowBuffer, firstTx: number, given: CycleGen[], deathDay: number | null): MeasurementGen[] {
    const r = this.r;
    const days = [firstTx];
    for (let k = 2; k < given.length; k += 2) days.push(given[k]!.actual!);
    if (chance(r, 0.08) && days.length > 1) days.pop(); // no recent measurement: the missing-data worklist
    const ageAt = (d: number) => (d - p.birthDay) / 365.25;
    const adult = ageAt(firstTx) >= 18;
    const hz = normal(r);
    const wz = normal(r);
    const bmi = Math.min(42, Math.max(17, 27 + 4 * normal(r)));
    const list: MeasurementGen[] = [];
    for (const [n, d] of days.entries()) {
      if (d > this.today || (deathDay !== null && d >= deathDay)) break;
      let heightCm: number;
      let weightKg: number;
      if (adult) {
        heightCm = (p.sex === 'H' ? 169 : 156) + (p.sex === 'H' ? 7 : 6) * Math.max(-2.5, Math.min(2.5, hz));
        weightKg = (bmi * (heightCm / 100) ** 2) * (1 - 0.01 * Math.min(n, 6));
      } else {
        const [h, w] = medianBody(p.sex, ageAt(d));
        heightCm = h * 0.98 * (1 + 0.04 * Math.max(-2.5, Math.min(2.5, hz)));
        weightKg = w * (1 + 0.12 * Math.max(-2, Math.min(2.5, wz))) * (1 - 0.015 * Math.min(n, 4));
      }
      heightCm = Math.round(heightCm * 10) / 10;
      weightKg = Math.round(Math.max(2.5, weightKg) * 10) / 10;
      const m = { day: d, weightKg, heightCm, bsa: bodySurfaceArea(weightKg, heightCm) };
      list.push(m);
      this.touchContact(p, d);
      out.add('measurements', [this.o.id('measurement', `${p.key}:${n}`), p.id, isoDay(d), weightKg, heightCm, m.bsa, this.capture(p, d)]);
    }
    return list;
  }

  private administrations(p: PatientState, out: RowBuffer, c: CycleGen, measurements: MeasurementGen[], reductionPct: number): void {
    const day = c.actual!;
    let m: MeasurementGen | undefined;
    for (const x of measurements) if (x.day <= day) m = x;
    if (!m) return;
    const body = { bsa: m.bsa, weightKg: m.weightKg };
    let minute = 9 * 60 + int(this.r, 0, 90);
    for (const [n, d] of c.drugs.entries()) {
      const red = d.group === 'CHEMOTHERAPY' ? reductionPct : 0;
      const unit = d.unit as DoseUnit;
      const doseMg = absoluteDoseMg(d.dose, unit, red, body);
      const anth = doxorubicinEquivalentMgM2(d.name, d.dose, unit, red, body);
      const at = instantOf(day, minute);
      minute += d.group === 'PREMEDICATION' ? 30 : 45;
      out.add('administrations', [
        this.o.id('administration', `${c.id}:${n}`), c.id, p.id, d.name, d.dose, d.unit, doseMg, d.route, d.group, red, at, m.bsa, isoDay(m.day), anth,
        this.capture(p, day, at),
      ]);
    }
  }

  private complications(p: PatientState, out: RowBuffer, spec: DxSpec, given: CycleGen[], deathDay: number | null, ped: boolean): void {
    const r = this.r;
    if (given.length === 0) return;
    const from = given[0]!.actual!;
    const to = Math.min(this.today, given[given.length - 1]!.actual! + 14, deathDay === null ? Infinity : deathDay - 1);
    if (to <= from) return;
    const rows: { kind: string; onset: Date; triage: Date | null; antibiotic: Date | null; grade: number | null; description: string }[] = [];
    if (chance(r, spec.fn)) {
      const episodes = chance(r, 0.5) ? 1 : chance(r, 0.6) ? 2 : 3;
      for (let n = 0; n < episodes; n++) {
        const d = from + Math.floor(r() * (to - from));
        const onset = instantOf(d, int(r, 0, 1439));
        const triage = new Date(onset.getTime() + int(r, 20, 300) * 60_000);
        // "Hora dorada": antibiotic within 60 minutes of triage in most episodes.
        const mins = chance(r, 0.72) ? int(r, 12, 60) : int(r, 61, 240);
        const temp = (38.3 + r() * 1.4).toFixed(1).replace('.', ',');
        const anc = int(r, 2, 49) * 10;
        rows.push({ kind: 'FEBRILE_NEUTROPENIA', onset, triage, antibiotic: new Date(triage.getTime() + mins * 60_000), grade: null, description: `Neutropenia febril: temperatura ${temp} °C, neutrófilos ${anc}/µL` });
      }
    }
    if (chance(r, ped ? 0.12 : 0.08)) {
      const [description, grade] = oneOf(r, [
        ['Mucositis oral', 3], ['Hepatotoxicidad (elevación de transaminasas)', 2], ['Neuropatía periférica por vincristina', 2],
        ['Náusea y vómito', 2], ['Nefrotoxicidad por cisplatino', 2], ['Pancreatitis por asparaginasa', 3],
      ] as const);
      rows.push({ kind: 'TOXICITY', onset: instantOf(from + Math.floor(r() * (to - from)), int(r, 480, 1200)), triage: null, antibiotic: null, grade, description });
    }
    if (chance(r, 0.06)) {
      rows.push({ kind: 'INFECTION', onset: instantOf(from + Math.floor(r() * (to - from)), int(r, 0, 1439)), triage: null, antibiotic: null, grade: null, description: oneOf(r, ['Neumonía', 'Infección de catéter venoso central', 'Infección de vías urinarias', 'Varicela']) });
    }
    if (ped && spec.morphology.startsWith('98') && chance(r, 0.04)) {
      rows.push({ kind: 'BLEEDING', onset: instantOf(from + Math.floor(r() * (to - from)), int(r, 0, 1439)), triage: null, antibiotic: null, grade: 2, description: 'Epistaxis con trombocitopenia' });
    }
    for (const [n, c] of rows.entries()) {
      const seen = localDay((c.triage ?? c.onset).getTime());
      if (seen > this.today) continue;
      this.touchContact(p, seen);
      out.add('complications', [
        this.o.id('complication', `${p.key}:${n}`), p.id, c.kind, c.onset, c.triage, c.antibiotic, c.grade, c.description,
        p.transferDay !== null && seen >= p.transferDay ? p.unit.unit.id : p.originUnit.unit.id, this.capture(p, seen, c.antibiotic ?? c.triage ?? c.onset),
      ]);
    }
  }

  private followUp(
    p: PatientState, out: RowBuffer, day: number, kind: 'VISIT' | 'PHONE' | 'HOME_VISIT' | 'ABANDONMENT_TRACE' | 'OTHER',
    vital: 'ALIVE' | 'DECEASED' | 'UNKNOWN', disease: string | null, traceReason: string | null, notes: string | null, unitId: string,
  ): void {
    if (day > this.today) return;
    this.touchContact(p, day);
    if (kind === 'ABANDONMENT_TRACE') p.traceReasonOn = p.traceReasonOn === null ? day : Math.max(p.traceReasonOn, day);
    if (!this.full) return;
    out.add('followUps', [this.o.id('follow-up', `${p.key}:${p.seq++}`), p.id, isoDay(day), kind, vital, disease, traceReason, notes, unitId, this.capture(p, day)]);
  }

  private statusRows(p: PatientState, out: RowBuffer): void {
    for (const [n, s] of p.statuses.entries()) {
      // Benchmark scale keeps the registration's NEW entry only when it is the current status.
      if (!this.full && s.status === 'NEW' && p.statuses.length > 1) continue;
      out.add('statuses', [this.o.id('status', `${p.key}:${n}`), p.id, s.status, isoDay(s.since), s.reason, this.capture(p, s.since, undefined, n)]);
    }
  }

  private contactRows(p: PatientState, person: { first: string; second: string | null; given: string }, pediatric: boolean, out: RowBuffer): void {
    const r = this.r;
    const state = p.originUnit.unit.state;
    const phone = () => {
      const lada = oneOf(r, AREA_CODES[state] ?? ['55']);
      let rest = String(int(r, 2, 9));
      while (lada.length + rest.length < 10) rest += String(int(r, 0, 9));
      return `52${lada}${rest}`;
    };
    const at = p.regAt;
    const guardians: { name: string; rel: string; phone: string | null; whatsapp: boolean; email: string | null; primary: boolean }[] = [];
    if (pediatric) {
      const motherGiven = this.givenAdultF.pick(r());
      const fatherGiven = this.givenAdultM.pick(r());
      const mother = `${motherGiven} ${person.second ?? this.surnames.pick(r())} ${this.surnames.pick(r())}`;
      const father = `${fatherGiven} ${person.first} ${this.surnames.pick(r())}`;
      const email = (given: string, surname: string) =>
        chance(r, 0.25) ? `${ascii(given.split(' ')[0]!)}.${ascii(surname.split(' ').pop()!)}${int(r, 1, 99)}@example.com` : null;
      const u = r();
      if (u < 0.06) {
        guardians.push({ name: `${this.givenAdultF.pick(r())} ${person.first} ${this.surnames.pick(r())}`, rel: chance(r, 0.7) ? 'GRANDPARENT' : 'TUTOR', phone: phone(), whatsapp: chance(r, 0.85), email: null, primary: true });
      } else if (u < 0.8) {
        guardians.push({ name: mother, rel: 'MOTHER', phone: chance(r, 0.97) ? phone() : null, whatsapp: chance(r, 0.92), email: email(motherGiven, person.second ?? person.first), primary: true });
        if (chance(r, 0.55)) guardians.push({ name: father, rel: 'FATHER', phone: chance(r, 0.9) ? phone() : null, whatsapp: chance(r, 0.85), email: null, primary: false });
      } else {
        guardians.push({ name: father, rel: 'FATHER', phone: chance(r, 0.97) ? phone() : null, whatsapp: chance(r, 0.9), email: email(fatherGiven, person.first), primary: true });
        if (chance(r, 0.6)) guardians.push({ name: mother, rel: 'MOTHER', phone: chance(r, 0.9) ? phone() : null, whatsapp: chance(r, 0.9), email: null, primary: false });
      }
    } else if (chance(r, 0.88)) {
      const sex = chance(r, 0.6) ? 'M' : 'H';
      const given = (sex === 'M' ? this.givenAdultF : this.givenAdultM).pick(r());
      guardians.push({ name: `${given} ${this.surnames.pick(r())} ${this.surnames.pick(r())}`, rel: 'OTHER', phone: phone(), whatsapp: chance(r, 0.8), email: null, primary: true });
    }
    for (const [n, g] of guardians.entries()) {
      out.add('guardians', [this.o.id('guardian', `${p.key}:${n}`), p.id, g.name, g.rel, g.phone, g.whatsapp && g.phone !== null, g.email, g.primary, at]);
    }
    const grantor = guardians[0]?.name ?? `${person.given} ${person.first} ${person.second ?? ''}`.trim();
    const patientName = `${person.given} ${person.first} ${person.second ?? ''}`.trim();
    const by = pediatric ? grantor : patientName;
    if (chance(r, 0.97)) out.add('consents', [this.o.id('consent', `${p.key}:privacy`), p.id, 'PRIVACY_NOTICE', by, isoDay(p.regDay), 'Aviso de privacidad integral APO v2', at]);
    const start = p.statuses.find((s) => s.status === 'ON_TREATMENT' || s.status === 'PALLIATIVE');
    if (start) out.add('consents', [this.o.id('consent', `${p.key}:treatment`), p.id, 'TREATMENT', by, isoDay(Math.min(start.since, this.today)), 'Consentimiento informado de quimioterapia', at]);
    if (chance(r, 0.4)) out.add('consents', [this.o.id('consent', `${p.key}:sharing`), p.id, 'DATA_SHARING', by, isoDay(p.regDay), 'Carnet digital y ChatBot', at]);
  }

  // ----------------------------------------------------------------------- bookkeeping

  private readonly pickers = new Map<object, Picker<unknown>>();
  private pickerOf<T>(list: readonly (readonly [T, number])[]): Picker<T> {
    let p = this.pickers.get(list);
    if (!p) this.pickers.set(list, (p = new Picker(list)));
    return p as Picker<T>;
  }

  private touchTreatment(p: PatientState, day: number): void {
    if (day > this.today) return;
    p.lastTreatment = p.lastTreatment === null ? day : Math.max(p.lastTreatment, day);
    this.touchContact(p, day);
  }

  private touchContact(p: PatientState, day: number): void {
    if (day > this.today) return;
    p.lastContact = p.lastContact === null ? day : Math.max(p.lastContact, day);
  }

  /**
   * When a row was captured: at registration for what happened before (retrospective capture),
   * otherwise on the day it happened (never after "now").
   */
  private capture(p: PatientState, day: number, at?: Date, n = 0): Date {
    if (day <= p.regDay) return new Date(p.regAt.getTime() + n * 1000);
    const t = at ? at.getTime() + 30 * 60_000 : instantOf(day, 13 * 60 + (p.i % 240)).getTime() + n * 1000;
    return new Date(Math.min(t, this.o.now.getTime() - 1000));
  }

  // ----------------------------------------------------------------------- units

  /**
   * Censo integral: expected patients per unit such that national progress is a believable partial
   * figure (≈ 70 %): a few units at or above 100 %, some far behind. A third of the units revised
   * their census during the year (an earlier, lower row stays in the history).
   */
  census(out: RowBuffer): void {
    const r = prng(this.o.seed ^ 0xce7505);
    const ordered = [...this.profiles].sort((a, b) => a.unit.clues.localeCompare(b.unit.clues));
    const shuffled = ordered.map((p) => [p, r()] as const).sort((a, b) => a[1] - b[1]).map(([p]) => p);
    for (const [n, p] of shuffled.entries()) {
      const reg = this.stats.byUnit.get(p.unit.id) ?? { registered: 0, pediatric: 0 };
      const ratio = n < 4 ? 1 + r() * 0.1 : n < 10 ? 0.25 + r() * 0.2 : 0.55 + r() * 0.4;
      const expected = reg.registered > 0 ? Math.max(1, Math.round(reg.registered / ratio)) : int(r, 3, 12);
      const pedShare = reg.registered > 0 ? reg.pediatric / reg.registered : p.pediatricShare;
      const expectedPediatric = Math.round(expected * pedShare);
      const revised = r() < 0.35;
      const at = instantOf(this.launchDay, 10 * 60);
      if (revised) {
        const old = Math.max(1, Math.round(expected * (0.75 + r() * 0.15)));
        out.add('census', [this.o.id('census', `${p.unit.clues}:0`), p.unit.id, old, Math.round(old * pedShare), isoDay(this.launchDay), 'Censo inicial de la unidad', at]);
        const from = Math.min(this.today, this.launchDay + int(r, 120, 260));
        out.add('census', [this.o.id('census', `${p.unit.clues}:1`), p.unit.id, expected, expectedPediatric, isoDay(from), 'Censo integral actualizado', instantOf(from, 10 * 60)]);
      } else {
        out.add('census', [this.o.id('census', `${p.unit.clues}:0`), p.unit.id, expected, expectedPediatric, isoDay(this.launchDay), 'Censo integral de la unidad', at]);
      }
    }
  }

  /**
   * Platform trainings: the 2021 roll-out (in person in the 14 UMAE and 13 hospitals by March 2021,
   * remote in the others; ONCOCREAN Campeche and Cd. Juárez in July 2021) and recent ones.
   */
  trainings(out: RowBuffer): void {
    const r = prng(this.o.seed ^ 0x7a1);
    const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    const ordered = [...this.profiles].sort((a, b) => a.unit.clues.localeCompare(b.unit.clues));
    let secondInPerson = 0;
    for (const p of ordered) {
      const rows: [number, 'REMOTE' | 'IN_PERSON', number, string][] = [];
      const inPerson = p.unit.level === 'UMAE' || (secondInPerson < 13 && r() < 0.5 && ++secondInPerson > 0);
      rows.push(inPerson ? [day('2021-02-15') + int(r, 0, 38), 'IN_PERSON', int(r, 10, 30), TRAINING_TOPICS[0]!] : [day('2021-01-11') + int(r, 0, 170), 'REMOTE', int(r, 5, 18), TRAINING_TOPICS[0]!]);
      if (p.unit.clues === 'CCIMS000012' || p.unit.clues === 'CHIMS000671') rows.push([day('2021-07-05') + int(r, 0, 20), 'IN_PERSON', int(r, 8, 20), 'ONCOCREAN: registro y seguimiento de pacientes en la APO']);
      const recent = int(r, 1, 2);
      for (let k = 0; k < recent; k++) {
        rows.push([this.today - int(r, 3, DEFAULT_WEEKS * 7 - 7), chance(r, 0.7) ? 'REMOTE' : 'IN_PERSON', int(r, 4, 40), oneOf(r, TRAINING_TOPICS)]);
      }
      for (const [k, [d, modality, people, topic]] of rows.entries()) {
        out.add('trainings', [this.o.id('training', `${p.unit.clues}:${k}`), p.unit.id, isoDay(d), modality, people, topic, instantOf(Math.min(d + 1, this.today), 12 * 60)]);
      }
    }
  }
}

// --------------------------------------------------------------------------------- helpers

function pickBand(r: Rng, bands: DxSpec['ages']): readonly [number, number, number] {
  const total = bands.reduce((a, b) => a + b[2], 0);
  let x = r() * total;
  for (const b of bands) {
    if ((x -= b[2]) < 0) return b;
  }
  return bands[bands.length - 1]!;
}

/** Completed years between two day numbers (calendar rule, as anthropometry.ageInYears). */
function ageInYearsDays(birth: number, on: number): number {
  const b = new Date(birth * DAY_MS);
  const d = new Date(on * DAY_MS);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** The status the patient shows: the latest-dated one, NEW only when there is no other (clinical repo.currentStatus). */
function currentStatus(list: readonly { status: Status; since: number }[]): { status: Status; since: number } {
  let best: { status: Status; since: number } | undefined;
  for (const s of list) {
    if (s.status === 'NEW') continue;
    if (!best || s.since >= best.since) best = s;
  }
  return best ?? list[0]!;
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export type { Cell };
