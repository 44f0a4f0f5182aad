/**
 * Catalogues behind the synthetic record of the weekly meetings with families (demo and benchmark
 * data): the officials BY ROLE (design.md "Demo data": no personal names), the content of seed 004
 * (meeting 19, 21 January 2021: agenda, the ten casos específicos and the two acuerdos), the
 * agreements the press bulletins of meetings 18, 44, 46 and 49 report (seeds 003–000), and the
 * templates the other meetings are drawn from. All synthetic: no real person.
 */
import type { CASE_CHANNELS, CaseCategory, CaseStatus } from '../meetings/schema.ts';

type CaseChannel = (typeof CASE_CHANNELS)[number];

// ------------------------------------------------------------------------------------ officials

export interface OfficialSpec {
  key: string;
  /** The role as it is addressed ("Director General"): the demo never names a real official. */
  name: string;
  position: string;
  area: string;
  /** CLUES of the hospital a director answers for. */
  clues?: string;
  /** Demo account linked to the official (cases.follow). */
  username?: string;
  /** Attended meeting 19 (seed 004's list of participants, in its order). */
  seed004?: boolean;
}

export const OFFICIALS: readonly OfficialSpec[] = [
  { key: 'dg', name: 'Director General', position: 'Director General del Instituto Mexicano del Seguro Social', area: 'DG', seed004: true },
  {
    key: 'dvied',
    name: 'Encargada de Despacho de la DVIED',
    position: 'Encargada de Despacho de la Dirección de Vinculación Institucional y Evaluación de Delegaciones',
    area: 'DVIED',
    seed004: true,
  },
  { key: 'dpm', name: 'Titular de la Dirección de Prestaciones Médicas', position: 'Director de Prestaciones Médicas', area: 'DPM', seed004: true },
  { key: 'da', name: 'Director de Administración', position: 'Titular de la Dirección de Administración', area: 'DA', seed004: true },
  { key: 'cumae', name: 'Coordinador de Unidades Médicas de Alta Especialidad', position: 'Coordinador de Unidades Médicas de Alta Especialidad – DPM', area: 'DPM', seed004: true },
  {
    key: 'cvops',
    name: 'Coordinadora de Vinculación con Organizaciones Públicas, Privadas y Sociales',
    position: 'Coordinadora de Vinculación con Organizaciones Públicas, Privadas y Sociales – DVIED',
    area: 'DVIED',
    seed004: true,
  },
  {
    key: 'upes',
    name: 'Titular de la Unidad de Prestaciones Económicas y Salud en el Trabajo',
    position: 'Titular de la Unidad de Prestaciones Económicas y Salud en el Trabajo – DPES',
    area: 'DPES',
    seed004: true,
  },
  { key: 'cnorm', name: 'Coordinadora Normativa', position: 'Coordinadora Normativa – DG', area: 'DG', seed004: true },
  { key: 'cca', name: 'Coordinador de Control de Abasto', position: 'Coordinador de Control de Abasto – DA', area: 'DA', seed004: true },
  { key: 'ctp', name: 'Coordinadora Técnica de Planeación', position: 'Coordinadora Técnica de Planeación – DA', area: 'DA', seed004: true },
  {
    key: 'csdis',
    name: 'Coordinador de Servicios Digitales y de Información para la Salud y Administrativos',
    position: 'Coordinador de Servicios Digitales y de Información para la Salud y Administrativos – DIDT',
    area: 'DIDT',
    seed004: true,
  },
  { key: 'cno', name: 'Coordinador Nacional de Oncología', position: 'Coordinador Nacional de Oncología (Onco-IMSS)', area: 'DPM', username: 'funcionario', seed004: true },
  {
    key: 'dir-laraza',
    name: 'Director del Hospital General CMN La Raza',
    position: 'Director de la UMAE Hospital General «Dr. Gaudencio González Garza», Centro Médico Nacional La Raza',
    area: 'HG CMN La Raza',
    clues: 'DFIMS000061',
    seed004: true,
  },
  {
    key: 'dir-sxxi',
    name: 'Directora del Hospital de Pediatría CMN Siglo XXI',
    position: 'Directora de la UMAE Hospital de Pediatría «Dr. Silvestre Frenk Freund», Centro Médico Nacional Siglo XXI',
    area: 'Pediatría CMN Siglo XXI',
    clues: 'DFIMS000616',
    seed004: true,
  },
  // Positions the later bulletins (seeds 002–000) name.
  { key: 'bs-sxxi', name: 'Director del Banco Central de Sangre CMN Siglo XXI', position: 'Director del Banco Central de Sangre del Centro Médico Nacional Siglo XXI', area: 'DPM' },
  { key: 'enf', name: 'Titular de la División de Programas de Enfermería', position: 'Titular de la División de Programas de Enfermería – DPM', area: 'DPM' },
  {
    key: 'trasplantes',
    name: 'Titular de la Coordinación de Donación y Trasplante de Órganos, Tejidos y Células',
    position: 'Titular de la Coordinación de Donación y Trasplante de Órganos, Tejidos y Células – DPM',
    area: 'DPM',
  },
  { key: 'control', name: 'Jefe de la Oficina de Control', position: 'Jefe de la Oficina de Control – DPM', area: 'DPM' },
  { key: 'ooa', name: 'Titular de la División de Operación con Organismos Autónomos', position: 'Titular de la División de Operación con Organismos Autónomos – DVIED', area: 'DVIED' },
  { key: 'osc', name: 'Jefe de División de Operación con la Sociedad Civil', position: 'Jefe de División de Operación con la Sociedad Civil – DVIED', area: 'DVIED' },
];

export type OfficialKey = (typeof OFFICIALS)[number]['key'];

/** Officials at every meeting (the coordination of the process), and those who come often. */
export const CORE_OFFICIALS = ['cvops', 'cno', 'csdis', 'cca'] as const;
export const FREQUENT_OFFICIALS: readonly (readonly [string, number])[] = [
  ['dpm', 0.8], ['da', 0.7], ['cumae', 0.75], ['dir-laraza', 0.7], ['dir-sxxi', 0.7], ['upes', 0.45], ['dvied', 0.35], ['dg', 0.3],
  ['cnorm', 0.35], ['ctp', 0.35], ['ooa', 0.35], ['osc', 0.35], ['enf', 0.3], ['control', 0.3], ['trasplantes', 0.2], ['bs-sxxi', 0.2],
];

// ------------------------------------------------------------------------------------ calendar

/** Meeting 1: Thursday 17 September 2020 (so that meeting 19 is 21 January 2021, seed 004). */
export const FIRST_MEETING_DATE = '2020-09-17';
/** The record of the demo: meetings 1…62 held (the last on 18 November 2021), then the next one planned. */
export const DEMO_CLOSED_MEETINGS = 62;

/**
 * New casos específicos per meeting for meetings 1–19: consecutive sequences consistent with the
 * codes of seed 004 (2.7, 3.11, 4.13, 11.31, 18.55, 18.56, 19.58–19.61).
 */
export const EARLY_CASE_COUNTS: readonly number[] = [4, 4, 3, 3, 3, 3, 3, 2, 3, 2, 4, 3, 4, 3, 3, 3, 4, 3, 4];

// ------------------------------------------------------------------------------------ seed 004

export interface ScriptedUpdate {
  meeting: number;
  text: string;
  status: CaseStatus;
  /** Official who reported it. */
  by: string;
}

export interface ScriptedCase {
  code: string;
  category: CaseCategory;
  title: string;
  description: string;
  channel: CaseChannel;
  clues: string;
  responsible: string;
  /** Its history: the update recorded in meeting 19 is the seed's own text. */
  updates: ScriptedUpdate[];
}

/** The ten casos específicos reviewed in meeting 19 (seed 004, "VII. Revisión de Casos Específicos"). */
export const SEED_004_CASES: readonly ScriptedCase[] = [
  {
    code: '2.7', category: 'BONE_MARROW_TRANSPLANT', title: 'Trasplante de médula ósea', channel: 'EMAIL', clues: 'DFIMS000616', responsible: 'cno',
    description: 'La familia solicita información sobre la fecha del trasplante de médula ósea en el HITO-Teletón.',
    updates: [
      { meeting: 2, text: 'Se presentó el caso y se turnó a la Coordinación Nacional de Oncología para su seguimiento con el HITO-Teletón.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 9, text: 'El paciente fue valorado en el HITO-Teletón; se continúa con el protocolo de trasplante.', status: 'IN_FOLLOW_UP', by: 'cno' },
      { meeting: 19, text: 'El trasplante del paciente está programado para el mes de febrero.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 24, text: 'Se realizó el trasplante de médula ósea en el HITO-Teletón; el paciente evoluciona favorablemente.', status: 'RESOLVED', by: 'cno' },
      { meeting: 28, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '3.11', category: 'BONE_MARROW_TRANSPLANT', title: 'Trasplante de médula ósea', channel: 'EMAIL', clues: 'DFIMS000061', responsible: 'dir-laraza',
    description: 'La madre pregunta en qué etapa está el protocolo de trasplante de su hijo.',
    updates: [
      { meeting: 3, text: 'Se presentó el caso y se turnó a la Dirección del Hospital General CMN La Raza.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 12, text: 'Se realizaron los estudios de compatibilidad; se espera la valoración del servicio de Hematología.', status: 'IN_FOLLOW_UP', by: 'dir-laraza' },
      {
        meeting: 19,
        text: 'Está pendiente un estudio, mismo que se realizará la siguiente semana y, con base en los resultados, se agendará cita para continuar con el protocolo.',
        status: 'IN_FOLLOW_UP',
        by: 'dir-laraza',
      },
      { meeting: 21, text: 'Se realizó el estudio y se agendó la cita para continuar con el protocolo.', status: 'IN_FOLLOW_UP', by: 'dir-laraza' },
      { meeting: 27, text: 'El paciente concluyó el protocolo y fue aceptado para trasplante; se informó a la familia.', status: 'RESOLVED', by: 'dir-laraza' },
      { meeting: 31, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '4.13', category: 'BONE_MARROW_TRANSPLANT', title: 'Trasplante de médula ósea', channel: 'MEETING', clues: 'DFIMS000061', responsible: 'dir-laraza',
    description: 'El padre expuso en la reunión que no ha recibido información sobre la búsqueda de donador.',
    updates: [
      { meeting: 4, text: 'Se presentó el caso y se turnó a la Dirección del Hospital General CMN La Raza.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 19, text: 'El paciente es candidato a trasplante haploidéntico y se continúa con el protocolo.', status: 'IN_FOLLOW_UP', by: 'dir-laraza' },
      { meeting: 25, text: 'Se identificó donadora haploidéntica (la madre); se programó la movilización de células.', status: 'IN_FOLLOW_UP', by: 'dir-laraza' },
      { meeting: 33, text: 'Se realizó el trasplante haploidéntico; el paciente continúa en vigilancia.', status: 'RESOLVED', by: 'dir-laraza' },
      { meeting: 36, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '11.31', category: 'APPOINTMENT', title: 'Cita por Estomatología', channel: 'EMAIL', clues: 'DFIMS000616', responsible: 'cno',
    description: 'La familia solicita cita en Estomatología antes del siguiente ciclo de quimioterapia.',
    updates: [
      { meeting: 11, text: 'Se presentó el caso y se turnó a la Coordinación Nacional de Oncología.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 19, text: 'Se otorgó cita el día 18 de enero.', status: 'RESOLVED', by: 'cno' },
      { meeting: 20, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '18.55', category: 'SECOND_OPINION', title: 'Segunda opinión a diagnóstico', channel: 'CHATBOT', clues: 'DFIMS000616', responsible: 'cno',
    description: 'La familia solicita una segunda opinión sobre el diagnóstico.',
    updates: [
      { meeting: 18, text: 'Se presentó el caso y se turnó a la Coordinación Nacional de Oncología.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 19, text: 'Se reunió con familiares, se conversó con ellos y se informó el seguimiento.', status: 'IN_FOLLOW_UP', by: 'cno' },
      { meeting: 21, text: 'Se realizó la valoración por Oncología Pediátrica, se confirmó el diagnóstico y se informó a la familia.', status: 'RESOLVED', by: 'cno' },
      { meeting: 23, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '18.56', category: 'PALLIATIVE_CARE', title: 'Cuidados paliativos', channel: 'EMAIL', clues: 'DFIMS000061', responsible: 'cno',
    description: 'La familia pide orientación sobre el manejo del dolor y los cuidados en casa.',
    updates: [
      { meeting: 18, text: 'Se presentó el caso y se turnó a la Coordinación Nacional de Oncología.', status: 'IN_FOLLOW_UP', by: 'cvops' },
      { meeting: 19, text: 'Se reunió con familiares, se conversó con ellos y se informó el seguimiento.', status: 'IN_FOLLOW_UP', by: 'cno' },
      { meeting: 22, text: 'Se integró al paciente al programa de cuidados paliativos domiciliarios de la unidad.', status: 'RESOLVED', by: 'cno' },
      { meeting: 25, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '19.58', category: 'BONE_MARROW_TRANSPLANT', title: 'Trasplante de médula ósea', channel: 'MEETING', clues: 'DFIMS000061', responsible: 'dir-laraza',
    description: 'La madre solicita que su hija sea referida al HITO-Teletón para trasplante.',
    updates: [
      { meeting: 19, text: 'Se está dando seguimiento y se registrará el caso en la plataforma para trasplante en el HITO.', status: 'IN_FOLLOW_UP', by: 'dir-laraza' },
      { meeting: 22, text: 'Se registró el caso en la plataforma para trasplante del HITO-Teletón.', status: 'IN_FOLLOW_UP', by: 'dir-laraza' },
      { meeting: 30, text: 'La paciente fue aceptada en el HITO-Teletón y se programó su ingreso.', status: 'RESOLVED', by: 'cno' },
      { meeting: 34, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '19.59', category: 'TREATMENT_FOLLOW_UP', title: 'Se informe del seguimiento en el tratamiento', channel: 'CHATBOT', clues: 'BCIMS000044', responsible: 'cno',
    description: 'El padre pide que se le explique el tratamiento que seguirá su hijo.',
    updates: [
      { meeting: 19, text: 'Se reunió con el padre del paciente y se le comentó el tratamiento a seguir.', status: 'IN_FOLLOW_UP', by: 'cno' },
      { meeting: 20, text: 'La familia recibió por escrito el plan de tratamiento y las fechas de los siguientes ciclos.', status: 'RESOLVED', by: 'cno' },
      { meeting: 22, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '19.60', category: 'MISSING_MEDICATION', title: 'Falta prednisona', channel: 'CHATBOT', clues: 'DFIMS000061', responsible: 'cca',
    description: 'La farmacia de la unidad no surtió prednisona en la última receta.',
    updates: [
      { meeting: 19, text: 'El medicamento fue abastecido.', status: 'RESOLVED', by: 'da' },
      { meeting: 20, text: 'La familia confirmó que recibió el medicamento; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
  {
    code: '19.61', category: 'LAB_OR_IMAGING_STUDY', title: 'Estudio de inmunotipificación de leucemia aguda', channel: 'EMAIL', clues: 'SRIMS000091', responsible: 'cno',
    description: 'La familia pregunta cuándo se hará el estudio de inmunotipificación indicado por el hematólogo.',
    updates: [
      { meeting: 19, text: 'Se envió la muestra a SLP para realizar el estudio.', status: 'IN_FOLLOW_UP', by: 'cno' },
      { meeting: 20, text: 'Se recibió el resultado de la inmunotipificación y se entregó al médico tratante.', status: 'RESOLVED', by: 'cno' },
      { meeting: 21, text: 'La familia confirmó la atención; se cierra el caso.', status: 'CLOSED', by: 'cvops' },
    ],
  },
];

/** Families at meeting 19 by hospital, in the order of seed 004's list of participants. */
export const SEED_004_FAMILY_UNITS: readonly string[] = [
  'DFIMS000061', 'DFIMS000061', 'DFIMS000061', 'DFIMS000061', 'BCIMS000044', 'SRIMS000091', 'DFIMS000061', 'DFIMS000616',
];

/** The agenda of meeting 19 (seed 004, "Desarrollo del orden del día"), paraphrased with officials by role. */
export const SEED_004_AGENDA: readonly { key: string; title: string; notes: string }[] = [
  {
    key: 'welcome',
    title: 'Bienvenida y presentación de asistentes',
    notes:
      'La sesión se llevó a cabo de forma virtual a través de la plataforma Webex. El Director General dio la bienvenida a las madres y los padres de familia que acudieron en representación de familiares de niñas y niños con cáncer que reciben tratamiento en unidades médicas del Instituto, y presentó a las y los funcionarios del IMSS presentes en la sesión.',
  },
  {
    key: 'onco-imss',
    title: 'Inauguración Onco-IMSS',
    notes:
      'El Director General informó sobre la creación de la Coordinación Nacional de Oncología y la inauguración de la «Casa de la Niña y el Niño con Cáncer», primera oficina del IMSS dedicada exclusivamente a la atención de pacientes oncológicos pediátricos. Precisó que uno de sus objetivos es homologar las prácticas clínicas para brindar atención de calidad y mejorar la sobrevida de las y los pacientes, y subrayó que la nueva área no tiene fines burocráticos: es un espacio de coordinación de esfuerzos de muchas otras áreas.',
  },
  {
    key: 'methodology',
    title: 'Metodología de trabajo',
    notes:
      'Se presentó la adecuación de la metodología de trabajo de las reuniones semanales: se realizarán todos los jueves a las 18:00 horas y, mientras el semáforo epidemiológico se encuentre en rojo, por videoconferencia; comenzarán con el seguimiento de acuerdos; serán abiertas a todas las familias de pacientes pediátricos oncológicos del IMSS, que enviarán la lista de participantes a más tardar el martes previo a la sesión; los casos específicos se enviarán por correo electrónico a la Coordinación de Vinculación o al ChatBot, también a más tardar el martes previo; los asuntos generales se revisarán al final de la sesión y se dará lectura a los acuerdos. Se presentará una minuta para firmas: a partir de la siguiente sesión, las y los asistentes mostrarán una hoja firmada como evidencia fotográfica.\n' +
      'El Director General precisó que, cuando se retomen las reuniones presenciales, también se harán de forma virtual para que participen madres y padres de otras entidades.',
  },
  {
    key: 'supply',
    title: 'Revisión de abasto general',
    notes:
      'El Director de Administración precisó detalles sobre el abasto de medicamentos y el inventario de algunas claves en específico, con fecha de corte al 17 de enero, en los almacenes del Instituto y del operador logístico, y señaló que se cuenta con 773 mil 617 medicamentos.',
  },
  {
    key: 'agreements',
    title: 'Seguimiento de acuerdos',
    notes:
      '1. Avances de la plataforma y del ChatBot: el Coordinador de Servicios Digitales y de Información para la Salud y Administrativos informó que continúa la prueba piloto de la aplicación de WhatsApp (ChatBot) con casos reales, que se mejora con la retroalimentación de las personas usuarias y que ya se han recibido casos por esta vía; la capacitación sobre el uso de la plataforma se refuerza a distancia. Se han registrado 1,458 pacientes oncológicos pediátricos, 154 más que la semana previa. El Coordinador de Unidades Médicas de Alta Especialidad precisó que el registro en la APO tiene un 53 % de avance global y exhortó a las unidades médicas que aún no concluyen sus registros a hacerlo a la brevedad.\n' +
      '2. Resultados de la visita al HGR No. 1 de Tijuana, Baja California: el Coordinador Nacional de Oncología expuso que la unidad cuenta con equipamiento completo (TAC, IRM, radioterapia con acelerador lineal), 394 camas (264 censables y 130 no censables), 50 camas asignadas a pediatría y banco de sangre suficiente; en personal dispone de un oncólogo pediatra, un neurocirujano y cincuenta y un pediatras, y de ningún ortopedista. Las áreas de oportunidad detectadas en la visita serán analizadas y, en su caso, atendidas.\n' +
      '3. Licencias para madres y padres con hijas o hijos en tratamiento oncológico: el Titular de la Unidad de Prestaciones Económicas y Salud en el Trabajo indicó que, desde la modificación al artículo 140-Bis de la Ley y hasta el 8 de enero, se han expedido 2,535 licencias, lo que representa 6.2 millones de pesos, en beneficio de 526 madres y padres; desde la puesta en marcha del aplicativo digital se realiza una campaña de difusión y asesoría con quienes ya recibieron una licencia.\n' +
      '4. Cuenta de correo electrónico para temas generales: la Coordinadora de Vinculación con Organizaciones Públicas, Privadas y Sociales informó que ya se cuenta con un correo electrónico específico para recibir temas generales y la retroalimentación de los asuntos tratados en las mesas de trabajo.',
  },
  {
    key: 'hito',
    title: 'Seguimiento de casos de trasplantes referidos a Teletón - HITO',
    notes:
      'El Coordinador Nacional de Oncología señaló que se mantiene comunicación constante con la dirección del HITO-Teletón y que se continúa con el seguimiento a las y los nueve pacientes referidos: cinco de CMN La Raza y cuatro de CMN Siglo XXI.',
  },
  {
    key: 'cases',
    title: 'Revisión de casos específicos',
    notes:
      'La Coordinadora de Vinculación con Organizaciones Públicas, Privadas y Sociales cedió el uso de la voz a las y los responsables del seguimiento de diez casos específicos: trasplantes de médula ósea (CE 2.7, CE 3.11, CE 4.13 y CE 19.58), cita por Estomatología (CE 11.31), segunda opinión a diagnóstico y cuidados paliativos (CE 18.55 y CE 18.56), seguimiento del tratamiento (CE 19.59), falta de prednisona (CE 19.60) y estudio de inmunotipificación de leucemia aguda (CE 19.61). El Director General puntualizó que se atienden todos los casos que se reciben.',
  },
  {
    key: 'general',
    title: 'Asuntos generales',
    notes:
      'Una madre de familia de CMN La Raza expuso el tema de la rotación de personal en las áreas de oncología y hematología y solicitó que se tomen medidas para que no suceda y no haya contagios de COVID-19. El Director del Hospital General CMN La Raza comentó que la instrucción precisa es que no haya rotación de personal en estas áreas y que se llevan a cabo medidas para verificar que los contagios no se deban a pacientes que hayan llegado infectados.',
  },
  {
    key: 'reading',
    title: 'Lectura de acuerdos',
    notes:
      'Se dio lectura a los acuerdos de la reunión:\n1. Se dará seguimiento para que todas las Unidades Médicas que atienden pacientes oncológicos pediátricos que no han concluido con el 100% de registros en la plataforma lo hagan a la brevedad.\n2. Se dará seguimiento al tema de la rotación de personal en CMN La Raza.',
  },
  { key: 'closing', title: 'Cierre de sesión', notes: 'Fin de la sesión: 19:25 hrs.' },
];

// ------------------------------------------------------------------------------------ agreements

export interface ScriptedAgreementUpdate {
  meeting: number;
  text: string;
  status: 'PENDING' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
}

export interface ScriptedAgreement {
  meeting: number;
  text: string;
  responsible: string;
  responsibleArea?: string;
  dueMeeting?: number;
  /** Days after the meeting. */
  dueInDays?: number;
  updates: ScriptedAgreementUpdate[];
}

/**
 * Agreements the seeds report: meeting 19's two (seed 004, "IX. Lectura de acuerdos") and the
 * follow-ups its minute reviews (platform and ChatBot, visit to Tijuana, licences, e-mail account),
 * meeting 18's (seed 003), 44's (seed 002), 46's (seed 001) and 49's (seed 000).
 */
export const SCRIPTED_AGREEMENTS: readonly ScriptedAgreement[] = [
  {
    meeting: 15, text: 'Presentar los avances de la plataforma de registro de pacientes oncológicos (APO) y del ChatBot.', responsible: 'csdis', dueMeeting: 17,
    updates: [
      { meeting: 17, text: 'Se presentó la prueba piloto del ChatBot con casos reales; se continúa la capacitación a distancia sobre el uso de la plataforma.', status: 'IN_PROGRESS' },
      { meeting: 19, text: 'Se han registrado 1,458 pacientes, 154 más que la semana previa; el registro en la APO lleva 53 % de avance global y el ChatBot ya recibe casos.', status: 'IN_PROGRESS' },
      { meeting: 23, text: 'El ChatBot concluyó su prueba piloto y opera para todas las familias; la plataforma se presenta cada semana en el seguimiento del registro.', status: 'DONE' },
    ],
  },
  {
    meeting: 16, text: 'Realizar una visita de supervisión al HGR No. 1 de Tijuana, Baja California, y presentar los resultados.', responsible: 'cno', dueMeeting: 19,
    updates: [
      { meeting: 17, text: 'La visita se programó para la semana del 11 de enero.', status: 'IN_PROGRESS' },
      { meeting: 19, text: 'Se presentaron los resultados de la visita al HGR No. 1 y a la Clínica No. 20 de Tijuana: equipamiento completo, 50 camas de pediatría y un oncólogo pediatra; las áreas de oportunidad se analizarán.', status: 'DONE' },
    ],
  },
  {
    meeting: 17, text: 'Difundir una cuenta de correo electrónico para recibir temas generales y la retroalimentación de los asuntos tratados en las mesas de trabajo.', responsible: 'cvops', dueMeeting: 19,
    updates: [{ meeting: 19, text: 'Se informó a las familias la cuenta de correo electrónico específica para temas generales y retroalimentación.', status: 'DONE' }],
  },
  {
    meeting: 18, text: 'Presentar el reporte del otorgamiento digital de licencias a través del aplicativo IMSS Digital para madres y padres de menores diagnosticados con cualquier tipo de cáncer.', responsible: 'upes', dueMeeting: 19,
    updates: [{ meeting: 19, text: 'Desde la modificación al artículo 140-Bis y hasta el 8 de enero se han expedido 2,535 licencias en beneficio de 526 madres y padres; continúa la campaña de difusión del aplicativo digital.', status: 'DONE' }],
  },
  {
    meeting: 18, text: 'Presentar el informe de los casos específicos atendidos en la sesión.', responsible: 'cvops', dueMeeting: 19,
    updates: [{ meeting: 19, text: 'Las y los responsables informaron el seguimiento de diez casos específicos.', status: 'DONE' }],
  },
  {
    meeting: 19,
    text: 'Se dará seguimiento para que todas las Unidades Médicas que atienden pacientes oncológicos pediátricos que no han concluido con el 100% de registros en la plataforma lo hagan a la brevedad.',
    responsible: 'cumae', dueMeeting: 23,
    updates: [
      { meeting: 20, text: 'Se envió un oficio a las direcciones de las unidades con avance menor al 50 %; el avance global es de 58 %.', status: 'IN_PROGRESS' },
      { meeting: 23, text: 'El avance global del registro es de 71 %; se reforzó la capacitación a distancia en once unidades.', status: 'IN_PROGRESS' },
      { meeting: 30, text: 'Las 47 unidades médicas concluyeron el registro inicial de sus pacientes en la plataforma.', status: 'DONE' },
    ],
  },
  {
    meeting: 19, text: 'Se dará seguimiento al tema de la rotación de personal en CMN La Raza.', responsible: 'dir-laraza', dueMeeting: 20,
    updates: [
      { meeting: 20, text: 'La dirección del Hospital General CMN La Raza confirmó la instrucción de no rotar al personal de oncología y hematología y revisa los casos de contagio.', status: 'IN_PROGRESS' },
      { meeting: 22, text: 'Se informó que no hubo rotación del personal de las áreas de oncología y hematología; se reforzaron los filtros de ingreso de pacientes.', status: 'DONE' },
    ],
  },
  {
    meeting: 44, text: 'Dar seguimiento a la situación de los reportes relativos al Hospital de Pediatría del CMN Siglo XXI.', responsible: 'dir-sxxi', dueMeeting: 46,
    updates: [
      { meeting: 45, text: 'La dirección del hospital revisó los reportes con las jefaturas de servicio.', status: 'IN_PROGRESS' },
      { meeting: 47, text: 'Se atendieron los reportes y se informó a las familias que los presentaron.', status: 'DONE' },
    ],
  },
  {
    meeting: 44, text: 'Dar prioridad al intercambio de servicios para agilizar la programación de citas de estudios radiológicos.', responsible: 'cumae', dueMeeting: 47,
    updates: [{ meeting: 46, text: 'Se firmó el intercambio de servicios con dos unidades para estudios de resonancia magnética.', status: 'IN_PROGRESS' }],
  },
  {
    meeting: 46, text: 'Dar seguimiento a los reportes de abasto en el HGZ No. 1 de San Luis Potosí.', responsible: 'cca', dueMeeting: 48,
    updates: [
      { meeting: 47, text: 'Se surtieron las claves reportadas; se mantiene la revisión semanal de existencias.', status: 'IN_PROGRESS' },
      { meeting: 49, text: 'Se reportó el abasto de ácido folínico como pendiente; el resto de las claves está surtido.', status: 'IN_PROGRESS' },
      { meeting: 52, text: 'El abasto de las claves oncológicas del HGZ No. 1 de San Luis Potosí está completo.', status: 'DONE' },
    ],
  },
  {
    meeting: 46,
    text: 'Realizar una visita de la Dirección de Prestaciones Médicas y de la Coordinación de Control de Abasto al Hospital General del CMN La Raza para constatar la atención que reciben los menores.',
    responsible: 'dpm', responsibleArea: 'DPM y Coordinación de Control de Abasto – DA', dueMeeting: 48,
    updates: [{ meeting: 48, text: 'Se realizó la visita; se presentaron los hallazgos y las acciones de mejora a la dirección de la unidad.', status: 'DONE' }],
  },
  {
    meeting: 49, text: 'Presentar una guía para que madres y padres conozcan cómo acceder al expediente clínico electrónico.', responsible: 'csdis', dueMeeting: 51,
    updates: [{ meeting: 51, text: 'Se presentó un borrador de la guía; se incorporarán las observaciones de las familias.', status: 'IN_PROGRESS' }],
  },
  {
    meeting: 49, text: 'Informar sobre los avances del convenio con HITO-Teletón y del Banco de Sangre.', responsible: 'cno', dueMeeting: 50,
    updates: [{ meeting: 50, text: 'Se informó el estado del convenio con HITO-Teletón y la primera entrega de la agenda de citas del Banco de Sangre.', status: 'DONE' }],
  },
  {
    meeting: 49, text: 'Dar seguimiento al reporte de abasto de ácido folínico en San Luis Potosí.', responsible: 'cca', dueMeeting: 50,
    updates: [{ meeting: 51, text: 'Se transfirieron piezas de ácido folínico desde el almacén delegacional; el abasto está completo.', status: 'DONE' }],
  },
];

/** Topics of the other meetings' agreements: text template ({hospital}, {drug}, {feature}), responsible, first meeting it makes sense. */
export const AGREEMENT_TOPICS: readonly { text: string; responsible: string; from: number; weight: number }[] = [
  { text: 'Dar seguimiento al abasto de {drug} en {hospital}.', responsible: 'cca', from: 1, weight: 6 },
  { text: 'Presentar el inventario de claves oncológicas con existencia baja en los almacenes del Instituto y del operador logístico.', responsible: 'da', from: 1, weight: 2 },
  { text: 'Concluir el registro de pacientes en la plataforma APO en {hospital}.', responsible: 'cumae', from: 8, weight: 4 },
  { text: 'Presentar los avances del ChatBot: {feature}.', responsible: 'csdis', from: 10, weight: 3 },
  { text: 'Capacitar al personal médico y de enfermería de {hospital} en el uso de la plataforma.', responsible: 'csdis', from: 8, weight: 3 },
  { text: 'Informar el número de licencias 140-Bis otorgadas a madres y padres en el periodo.', responsible: 'upes', from: 17, weight: 2 },
  { text: 'Realizar una visita de supervisión a {hospital} y presentar los resultados.', responsible: 'cno', from: 5, weight: 3 },
  { text: 'Informar el estado de las y los pacientes referidos a HITO-Teletón para trasplante.', responsible: 'cno', from: 12, weight: 2 },
  { text: 'Revisar la plantilla de oncología pediátrica de {hospital} y proponer su fortalecimiento.', responsible: 'cumae', from: 1, weight: 2 },
  { text: 'Presentar el avance del aplicativo de citas del Banco de Sangre.', responsible: 'bs-sxxi', from: 40, weight: 3 },
  { text: 'Reforzar la capacitación del personal de enfermería en el manejo de catéteres venosos centrales en {hospital}.', responsible: 'enf', from: 1, weight: 2 },
  { text: 'Difundir entre las familias el procedimiento para solicitar medicamentos e insumos por el ChatBot.', responsible: 'cvops', from: 30, weight: 2 },
  { text: 'Revisar con {hospital} los tiempos de programación de estudios de imagen de pacientes oncológicos pediátricos.', responsible: 'dpm', from: 1, weight: 2 },
  { text: 'Informar a las familias sobre el acceso al carnet digital en el micrositio de oncología pediátrica.', responsible: 'csdis', from: 35, weight: 2 },
];

export const CHATBOT_FEATURES = [
  'envío de casos específicos',
  'consulta del estado de un caso',
  'solicitud de medicamentos e insumos',
  'carnet digital',
  'citas de donación en el Banco de Sangre',
  'atención por una persona del centro de contacto',
];

// ------------------------------------------------------------------------------------ cases

export const CATEGORY_WEIGHTS: readonly (readonly [CaseCategory, number])[] = [
  ['MISSING_MEDICATION', 28], ['APPOINTMENT', 22], ['LAB_OR_IMAGING_STUDY', 12], ['TREATMENT_FOLLOW_UP', 10], ['BONE_MARROW_TRANSPLANT', 6],
  ['SECOND_OPINION', 6], ['PALLIATIVE_CARE', 4], ['STAFF_CONDUCT', 5], ['OTHER', 7],
];

/** Median days from receipt to resolution by category (hospital factors multiply it). */
export const RESOLUTION_DAYS: Record<CaseCategory, number> = {
  MISSING_MEDICATION: 6,
  APPOINTMENT: 10,
  LAB_OR_IMAGING_STUDY: 15,
  TREATMENT_FOLLOW_UP: 12,
  BONE_MARROW_TRANSPLANT: 70,
  SECOND_OPINION: 21,
  PALLIATIVE_CARE: 12,
  STAFF_CONDUCT: 20,
  OTHER: 14,
};

export const DRUGS = [
  'prednisona', 'metotrexato', 'vincristina', 'mercaptopurina', 'ácido folínico', 'citarabina', 'L-asparaginasa', 'ondansetrón', 'filgrastim',
  'daunorrubicina', 'dexametasona', 'ciclofosfamida', 'etopósido', 'trimetoprima con sulfametoxazol', 'fluconazol', 'doxorrubicina', 'ifosfamida',
];
export const SUPPLIES = ['catéter venoso central', 'equipos para bomba de infusión', 'agujas para reservorio', 'filtros para quimioterapia'];

/** Title and the family's account (protected) per category; {drug}, {supply}, {service}, {study}. */
export const CASE_TEMPLATES: Record<CaseCategory, readonly { title: string; description: string; responsible?: string }[]> = {
  MISSING_MEDICATION: [
    { title: 'Falta {drug}', description: 'La farmacia de la unidad no surtió {drug} en la última receta.' },
    { title: 'Falta {drug}', description: 'La familia compró {drug} por su cuenta porque no había existencia en la unidad.' },
    { title: 'Desabasto de {drug} para el ciclo de quimioterapia', description: 'El ciclo se pospuso una semana por falta de {drug}.' },
    { title: 'Falta de {supply}', description: 'La familia refiere que no hay {supply} en el servicio.' },
  ],
  APPOINTMENT: [
    { title: 'Cita por {service}', description: 'La familia solicita cita en {service}; le indicaron que no hay agenda disponible.' },
    { title: 'Reprogramación de cita en {service}', description: 'La cita en {service} se canceló y no se ha reprogramado.' },
    { title: 'Cita de primera vez en Oncología Pediátrica', description: 'La familia espera la primera cita en Oncología Pediátrica tras la referencia de su hospital.' },
  ],
  LAB_OR_IMAGING_STUDY: [
    { title: '{study}', description: 'El médico tratante indicó {study} y no se ha programado.' },
    { title: 'Resultado pendiente: {study}', description: 'La familia no ha recibido el resultado de {study}.' },
  ],
  TREATMENT_FOLLOW_UP: [
    { title: 'Se informe del seguimiento en el tratamiento', description: 'La familia pide que se le explique el tratamiento que seguirá el paciente.' },
    { title: 'Retraso en el inicio de quimioterapia', description: 'El inicio del tratamiento se ha pospuesto sin explicación a la familia.' },
    { title: 'Información sobre el cambio de esquema de tratamiento', description: 'La familia solicita información sobre el cambio de esquema indicado.' },
  ],
  BONE_MARROW_TRANSPLANT: [
    { title: 'Trasplante de médula ósea', description: 'La familia solicita información sobre el protocolo de trasplante de médula ósea.' },
    { title: 'Referencia a HITO-Teletón para trasplante', description: 'La familia solicita la referencia del paciente al HITO-Teletón para trasplante.' },
  ],
  SECOND_OPINION: [
    { title: 'Segunda opinión a diagnóstico', description: 'La familia solicita una segunda opinión sobre el diagnóstico.' },
    { title: 'Segunda opinión sobre el tratamiento quirúrgico', description: 'La familia solicita la valoración de otro equipo quirúrgico.' },
  ],
  PALLIATIVE_CARE: [
    { title: 'Cuidados paliativos', description: 'La familia pide orientación sobre cuidados paliativos y manejo del dolor en casa.' },
    { title: 'Atención domiciliaria de cuidados paliativos', description: 'La familia solicita atención domiciliaria para el paciente.' },
  ],
  STAFF_CONDUCT: [
    { title: 'Trato del personal en urgencias pediátricas', description: 'La familia refiere un trato poco empático del personal de urgencias.' },
    { title: 'Falta de información a la familia', description: 'La familia refiere que no se le informa sobre el estado del paciente durante la hospitalización.' },
    { title: 'Trato del personal de enfermería', description: 'La familia refiere un trato inadecuado durante la aplicación de la quimioterapia.' },
  ],
  OTHER: [
    { title: 'Licencia 140-Bis', description: 'La madre no ha podido tramitar la licencia para cuidar a su hijo durante el tratamiento.', responsible: 'upes' },
    { title: 'Citas de donación en el Banco de Sangre', description: 'La familia no consigue cita para que los donadores de reposición acudan al banco de sangre.', responsible: 'bs-sxxi' },
    { title: 'Acceso al carnet digital', description: 'La familia no puede consultar el carnet digital del paciente.', responsible: 'csdis' },
    { title: 'Traslado entre unidades', description: 'La familia solicita el traslado del paciente a una unidad más cercana a su domicilio.', responsible: 'cumae' },
    { title: 'Hospedaje para familiares durante el tratamiento', description: 'La familia, que viene de otra entidad, solicita orientación sobre albergues cercanos a la unidad.', responsible: 'cvops' },
  ],
};

export const SERVICES = ['Estomatología', 'Oftalmología', 'Cardiología', 'Neurocirugía', 'Radioterapia', 'Ortopedia', 'Nutrición', 'Audiología', 'Endocrinología', 'Psicología'];
export const STUDIES = [
  'Resonancia magnética de cráneo', 'Tomografía de tórax', 'Aspirado de médula ósea', 'Gammagrama óseo', 'PET-CT', 'Enfermedad mínima residual',
  'Cariotipo de médula ósea', 'Ecocardiograma', 'Estudio de inmunotipificación de leucemia aguda', 'Punción lumbar con citología',
];

/** What the responsible reports while the case is followed, when resolved, and when it does not apply. */
export const FOLLOW_UP_TEXTS: Record<CaseCategory, readonly string[]> = {
  MISSING_MEDICATION: [
    'Se solicitó la transferencia de la clave desde el almacén delegacional.',
    'Se verificó la existencia con el operador logístico; el surtimiento está programado para esta semana.',
    'Se gestionó una compra urgente; se informará la fecha de entrega.',
  ],
  APPOINTMENT: ['Se solicitó la cita a la jefatura del servicio.', 'Se gestiona un espacio en la agenda del servicio.'],
  LAB_OR_IMAGING_STUDY: ['Se envió la muestra al laboratorio de referencia.', 'El estudio está programado para la siguiente semana.', 'Se gestionó el estudio por intercambio de servicios.'],
  TREATMENT_FOLLOW_UP: ['Se reunió con la familia y se le comentó el tratamiento a seguir.', 'El servicio de Oncología Pediátrica revisa el esquema con la familia.'],
  BONE_MARROW_TRANSPLANT: ['Se continúa con el protocolo de trasplante.', 'Está pendiente la tipificación HLA del donador.', 'Se registró el caso en la plataforma para trasplante en el HITO.'],
  SECOND_OPINION: ['Se programó la valoración por el servicio de Oncología Pediátrica de un Centro Médico Nacional.', 'Se enviaron las laminillas para revisión.'],
  PALLIATIVE_CARE: ['Se reunió con familiares y se informó el seguimiento.', 'El equipo de cuidados paliativos valoró al paciente.'],
  STAFF_CONDUCT: ['La dirección de la unidad se reunió con el personal del servicio.', 'Se escuchó a la familia y al personal involucrado.'],
  OTHER: ['Se orientó a la familia y se da seguimiento al trámite.', 'Se turnó al área responsable.'],
};

export const RESOLVED_TEXTS: Record<CaseCategory, readonly string[]> = {
  MISSING_MEDICATION: ['El medicamento fue abastecido.', 'Se surtió la receta completa a la familia.', 'La unidad confirmó existencia suficiente para el ciclo en curso.'],
  APPOINTMENT: ['Se otorgó cita el día {date}.', 'Se reprogramó la cita para el día {date}.'],
  LAB_OR_IMAGING_STUDY: ['Se realizó el estudio y el resultado se entregó al médico tratante.', 'Se realizó el estudio el día {date}.'],
  TREATMENT_FOLLOW_UP: ['La familia recibió la información completa del plan de tratamiento.', 'El paciente inició el tratamiento el día {date}.'],
  BONE_MARROW_TRANSPLANT: ['Se realizó el trasplante; el paciente evoluciona favorablemente.', 'El paciente fue aceptado en el HITO-Teletón y se programó su ingreso.'],
  SECOND_OPINION: ['Se realizó la valoración y se informó a la familia el resultado.'],
  PALLIATIVE_CARE: ['Se integró al paciente al programa de cuidados paliativos domiciliarios.', 'Se ajustó el manejo del dolor y se capacitó a la familia.'],
  STAFF_CONDUCT: ['Se realizaron sesiones de sensibilización con el personal; la familia reporta mejor trato.', 'Se asignó un médico de enlace para informar a la familia.'],
  OTHER: ['Se concluyó el trámite y se informó a la familia.', 'La familia recibió la atención solicitada.'],
};

export const NOT_APPLICABLE_REASONS = [
  'El paciente no es derechohabiente del IMSS; se orientó a la familia sobre la atención en otra institución.',
  'Duplicado de un caso ya registrado.',
  'La familia desistió de la solicitud.',
  'No corresponde a un padecimiento oncológico; se turnó a la unidad de adscripción.',
];

export const CLOSING_TEXT = 'La familia confirmó la atención; se cierra el caso.';

// ------------------------------------------------------------------------------------ agenda notes

/** Topics of "Asuntos generales" and the meeting from which they appear. */
export const GENERAL_TOPICS: readonly { from: number; text: string }[] = [
  { from: 1, text: 'Una madre de familia de {hospital} expuso la falta de información sobre los horarios de visita en hospitalización; la dirección de la unidad revisará el procedimiento.' },
  { from: 1, text: 'Un padre de familia de {hospital} solicitó apoyo para el traslado de su hijo a sus citas; se le orientó sobre los apoyos disponibles.' },
  { from: 5, text: 'Las familias solicitaron que se mantengan las reuniones virtuales para quienes viven en otras entidades; se acordó conservar la modalidad a distancia.' },
  { from: 10, text: 'Se recordó a las familias que los casos específicos pueden enviarse por el ChatBot a más tardar el martes previo a la sesión.' },
  { from: 17, text: 'Se aclararon dudas sobre el trámite digital de la licencia 140-Bis para madres y padres de pacientes en tratamiento oncológico.' },
  { from: 20, text: 'Una madre de familia de {hospital} expuso la rotación de personal en el área de hematología; la dirección de la unidad informará las medidas adoptadas.' },
  { from: 25, text: 'Se presentó la capacitación en línea sobre el uso de la plataforma para el personal de enfermería de {hospital}.' },
  { from: 35, text: 'Se informó que el micrositio de oncología pediátrica ofrece información sobre cáncer infantil, servicios, talleres y el modelo ONCOCREAN.' },
  { from: 40, text: 'Se presentó el avance del aplicativo de citas del Banco de Sangre para donadores altruistas y de reposición.' },
  { from: 45, text: 'Las familias preguntaron por la guía de acceso al expediente clínico electrónico; se presentará en una próxima sesión.' },
];

/** Notes of the agenda of meetings 18, 44, 46 and 49 from the press bulletins (seeds 003–000), by role. */
export const BULLETIN_NOTES: Readonly<Record<number, Partial<Record<string, string>>>> = {
  18: {
    agreements:
      'El Titular de la Unidad de Prestaciones Económicas y Salud en el Trabajo señaló que a principios de enero se liberó el aplicativo IMSS Digital para dispositivos móviles, que permite a madres y padres tramitar la licencia 140-Bis para acompañar a sus hijas e hijos durante el tratamiento.',
    general:
      'El Director del Hospital General CMN La Raza informó que se reforzó la capacitación del personal de hematología en el manejo de plaquetas y productos sanguíneos, y que se trabaja en la sensibilización del personal de oncología pediátrica para un trato más cercano, respetuoso y claro con madres, padres y pacientes. El Coordinador de Servicios Digitales y de Información para la Salud y Administrativos informó que continúa el registro en la plataforma y que se actualizará el reconocimiento de casos por el ChatBot.',
  },
  44: {
    general:
      'El Coordinador de Servicios Digitales y de Información para la Salud y Administrativos presentó el apartado de Banco de Sangre de la plataforma, cuya primera fase es la programación de citas, para seguir todo el ciclo de donación y transfusión. El Director del Banco Central de Sangre CMN Siglo XXI expuso las citas para donadores y anunció tabletas para agendar citas por WhatsApp. El Coordinador Nacional de Oncología informó que el HGR No. 66 de Ciudad Juárez ya recibe pacientes oncológicos pediátricos.',
  },
  46: {
    agreements:
      'El Coordinador de Servicios Digitales y de Información para la Salud y Administrativos informó que continúa la capacitación del personal médico y de enfermería en la plataforma (ONCOCREAN del HGZ No. 1 de Campeche y unidades de Ciudad Juárez) y que se tiene un total de 4,228 pacientes oncológicos atendidos en 47 unidades médicas: 14 UMAE y 33 de segundo nivel.',
    supply: 'El Coordinador de Control de Abasto informó que se da puntual seguimiento a las peticiones de abasto de medicamentos del HGZ No. 1 de San Luis Potosí.',
  },
  49: {
    general:
      'El Coordinador de Servicios Digitales y de Información para la Salud y Administrativos informó la primera entrega de la agenda de citas del Banco de Sangre y la actualización del ChatBot, que ya permite solicitar medicamentos e insumos; recordó que el micrositio de oncología pediátrica está abierto a todo público y que el carnet digital requiere usuario y contraseña.',
  },
};
