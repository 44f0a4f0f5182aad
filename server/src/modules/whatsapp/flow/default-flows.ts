/**
 * The flows installed on first start (version 1). Coordination staff edit them afterwards as JSON
 * in the flow editor; this file is only the starting point. Copy: warm, clear es-MX, "tú".
 *
 * `main` — the families' main menu: verification for contacts not yet linked to a child (CURP and
 * birth date, or a code from the hospital), then report a caso específico, request a medicine or
 * supply, the status of the family's cases, the digital carnet, public information and a person.
 */
import type { FlowDefinition, FlowDefinitionInput } from './types.ts';
import { validateFlow } from './validate-flow.ts';

type NodeIn = FlowDefinitionInput['nodes'][number];
type CaseIn = NonNullable<NonNullable<NodeIn['router']>['cases']>[number];
type ActionIn = NonNullable<NodeIn['actions']>[number];

/** Every wait: half an hour, then one gentle reminder (node `timeout`). */
const WAIT = { timeoutSeconds: 1800, timeoutTo: 'timeout' };

const say = (text: string): ActionIn => ({ type: 'send_text', text });
const buttons = (text: string, list: [id: string, title: string][]): ActionIn => ({ type: 'send_buttons', text, buttons: list.map(([id, title]) => ({ id, title })) });
/** A menu option: its button/row id, the number typed for it ('' for none) and words that choose it. */
const option = (id: string, n: number | null, keywords: string[], to: string, saveAs?: string): CaseIn => ({
  test: 'menu',
  args: [id, n === null ? '' : String(n), ...keywords],
  to,
  ...(saveAs ? { saveAs } : {}),
});

/** A node that asks and waits for the answer. */
const ask = (id: string, actions: ActionIn[], cases: CaseIn[], otherTo: string): NodeIn => ({ id, actions, wait: WAIT, router: { operand: 'input', cases, otherTo } });
/** A node that routes at once on a result or contact fact. */
const branch = (id: string, operand: string, cases: CaseIn[], otherTo: string, actions: ActionIn[] = []): NodeIn => ({ id, actions, router: { operand, cases, otherTo } });
const then = (id: string, actions: ActionIn[], next?: string): NodeIn => ({ id, actions, ...(next ? { next } : {}) });

const PERSON_WORDS = ['persona', 'asesor', 'asesora', 'humano', 'agente'];
const YES_NO_HOSPITAL: [string, string][] = [
  ['yes', 'Sí'],
  ['other', 'Otro hospital'],
];
const hospitalCases = (yes: string, other: string): CaseIn[] => [
  option('yes', 1, ['si', 'correcto', 'es correcto', 'claro', 'ok', 'sip', 'ese'], yes),
  option('other', 2, ['otro', 'otro hospital', 'no', 'diferente'], other),
];

const CATEGORIES: [code: string, title: string, description: string, keywords: string[]][] = [
  ['APPOINTMENT', 'Cita', 'Una cita que no dan o que cancelaron', ['cita', 'citas', 'consulta', 'agenda']],
  ['MISSING_MEDICATION', 'Medicamento faltante', 'No hay un medicamento en la farmacia', ['medicamento', 'medicamentos', 'medicina', 'faltante', 'farmacia']],
  ['LAB_OR_IMAGING_STUDY', 'Estudio de laboratorio', 'Laboratorio o gabinete (rayos X, tomografía…)', ['estudio', 'estudios', 'laboratorio', 'gabinete', 'analisis', 'tomografia', 'resonancia', 'rayos']],
  ['TREATMENT_FOLLOW_UP', 'Seguimiento', 'Seguimiento de tratamiento', ['seguimiento', 'tratamiento', 'quimioterapia', 'quimio', 'radioterapia']],
  ['SECOND_OPINION', 'Segunda opinión', 'Que otro especialista revise el caso', ['segunda opinion', 'opinion']],
  ['BONE_MARROW_TRANSPLANT', 'Trasplante de médula', 'Trasplante de médula ósea', ['trasplante', 'transplante', 'medula']],
  ['PALLIATIVE_CARE', 'Cuidados paliativos', 'Control del dolor y cuidados de confort', ['paliativos', 'paliativo', 'dolor']],
  ['STAFF_CONDUCT', 'Trato del personal', 'Cómo nos atendió el personal', ['trato', 'personal', 'maltrato', 'grosero']],
  ['OTHER', 'Otro', 'Algo distinto a lo anterior', ['otro', 'otra', 'otros']],
];

const MENU_TEXT = [
  '¿En qué te puedo ayudar? Toca «Ver opciones» o escribe el número:',
  '1. Reportar un caso específico',
  '2. Solicitar medicamento o insumo',
  '3. Estado de mis casos',
  '4. Mi carnet digital',
  '5. Información',
  '6. Hablar con una persona',
].join('\n');

const menuCases: CaseIn[] = [
  option('report', 1, ['reportar', 'reporte', 'caso', 'caso especifico', 'queja', 'problema'], 'report'),
  option('supply', 2, ['medicamento', 'medicamentos', 'medicina', 'medicinas', 'insumo', 'insumos', 'farmacia', 'receta'], 'supply'),
  option('status', 3, ['estado', 'mis casos', 'estatus', 'status', 'como va'], 'status'),
  option('carnet', 4, ['carnet', 'carne', 'credencial', 'portal'], 'carnet'),
  option('info', 5, ['info', 'informacion', 'informes'], 'info'),
  option('person', 6, [...PERSON_WORDS, 'hablar'], 'person'),
];

const guestCases: CaseIn[] = [
  option('g_info', 1, ['info', 'informacion', 'informes'], 'info'),
  option('g_verify', 2, ['verificar', 'verificarme', 'verificacion', 'tutor', 'tutora', 'curp', 'registrarme'], 'curp_ask'),
  option('g_person', 3, [...PERSON_WORDS, 'hablar'], 'person'),
  { test: 'has_any_word', args: ['codigo'], to: 'code_ask' },
  { test: 'has_any_word', args: ['caso', 'casos', 'reportar', 'medicamento', 'medicamentos', 'medicina', 'insumo', 'estado', 'carnet'], to: 'guest_need_verify' },
];

/** While verifying: "código" and "persona" work at every question. */
const verifyEscapes: CaseIn[] = [option('code', null, ['codigo', 'tengo un codigo'], 'code_ask'), option('person', null, PERSON_WORDS, 'person')];

const curpCases: CaseIn[] = [{ test: 'has_curp', to: 'birth_ask', saveAs: 'curp' }, ...verifyEscapes];
const birthCases: CaseIn[] = [{ test: 'has_date', args: ['past'], to: 'verify_curp', saveAs: 'birthDate' }, ...verifyEscapes];
const codeCases: CaseIn[] = [{ test: 'has_pattern', args: ['(?<!\\d)(\\d{3}[ -]?\\d{3})(?!\\d)'], to: 'verify_code', saveAs: 'code' }, option('person', null, PERSON_WORDS, 'person')];
const verifyOutcome: CaseIn[] = [
  { test: 'equals', args: ['ok'], to: 'verified' },
  { test: 'equals', args: ['locked'], to: 'verify_locked' },
];
const failedButtons: [string, string][] = [
  ['retry', 'Intentar de nuevo'],
  ['code', 'Tengo un código'],
  ['person', 'Hablar con persona'],
];
const failedCases: CaseIn[] = [
  option('retry', 1, ['intentar', 'otra vez', 'de nuevo', 'reintentar'], 'curp_ask'),
  option('code', 2, ['codigo'], 'code_ask'),
  option('person', 3, PERSON_WORDS, 'person'),
];
const lockedButtons: [string, string][] = [
  ['code', 'Tengo un código'],
  ['person', 'Hablar con persona'],
];
const lockedCases: CaseIn[] = [option('code', 1, ['codigo'], 'code_ask'), option('person', 2, PERSON_WORDS, 'person')];

const childChoice = (id: string, question: string, to: string): NodeIn[] => [
  ask(id, [{ type: 'send_children', text: question, button: 'Elegir' }], [{ test: 'is_child', to, saveAs: 'child' }], `${id}_help`),
  then(`${id}_help`, [say('No encontré ese nombre 🤔. Toca el nombre de tu hija o hijo, o escribe su número en la lista.')], id),
];

const urgencyButtons: [string, string][] = [
  ['URGENT', 'Urgente'],
  ['THIS_WEEK', 'Esta semana'],
  ['ROUTINE', 'Puede esperar'],
];
const urgencyCases: CaseIn[] = [
  option('URGENT', 1, ['urgente', 'urge', 'hoy'], 'supply_hospital', 'urgency'),
  option('THIS_WEEK', 2, ['esta semana', 'semana'], 'supply_hospital', 'urgency'),
  option('ROUTINE', 3, ['puede esperar', 'esperar', 'normal', 'no urge'], 'supply_hospital', 'urgency'),
];

const INFO_CANCER = `🎗️ *Cáncer infantil*
El cáncer en niñas, niños y adolescentes es poco frecuente y, si se detecta a tiempo, muchas veces se cura. Los más comunes son las leucemias, los tumores del cerebro y los linfomas.

*Señales de alarma.* Acude a tu Unidad de Medicina Familiar si notas:
• Palidez, cansancio o moretones sin haberse golpeado
• Fiebre de más de una semana sin causa clara
• Bolitas o inflamación en el cuello, las axilas, las ingles o el abdomen que no se quitan
• Dolor de huesos que no le deja dormir
• Dolor de cabeza con vómito, sobre todo por la mañana
• Un brillo blanco en la pupila, o los ojos desviados de pronto
• Pérdida de peso sin explicación

Esta información no sustituye la consulta médica.`;

const INFO_SERVICES = `🏥 *Servicios del IMSS para niñas, niños y adolescentes con cáncer*
• Diagnóstico y tratamiento en los hospitales del IMSS con oncología pediátrica, con registro y seguimiento de cada paciente.
• Casos específicos: si algo no se resuelve (una cita, un medicamento, un estudio), repórtalo aquí y se revisa en la reunión semanal.
• Trabajo social de tu hospital te orienta sobre trámites y apoyos.

*Licencia 140 Bis.* Si eres madre o padre trabajador asegurado y tu hija o hijo de hasta 16 años tiene cáncer diagnosticado en el IMSS, puedes recibir licencias de 1 a 28 días (hasta 364 días en tres años) con un subsidio del 60 % de tu salario, para acompañarle en los periodos críticos de su tratamiento. Se otorga a uno solo de los padres; pregunta por ella al médico tratante o en trabajo social.`;

const INFO_ONCOCREAN = `🤝 *Modelo ONCOCREAN*
Los ONCOCREAN son centros de referencia del IMSS en cada estado para atender a niñas, niños y adolescentes con cáncer cerca de su casa: diagnóstico rápido, tratamiento y atención inmediata de las complicaciones.

Por ejemplo, la «hora dorada»: si tu hija o hijo tiene fiebre durante su tratamiento, debe recibir antibiótico en la primera hora de su llegada a urgencias. Si tiene fiebre, acude de inmediato a urgencias de su hospital.`;

const INFO_MEETINGS = `📅 *Reuniones semanales*
Cada jueves a las 18:00 la coordinación de oncología pediátrica del IMSS revisa con los hospitales los casos específicos de las familias.
• Los casos que llegan por este ChatBot o por correo a más tardar el *martes* se revisan ese mismo jueves; los que llegan después, el jueves siguiente.
• Cada caso recibe un número CE, por ejemplo CE 63.12: el número de la reunión y el del caso.
• Puedes ver cómo va tu caso en «Estado de mis casos».`;

const main: FlowDefinitionInput = {
  key: 'main',
  name: 'Menú principal de familias',
  startNode: 'start',
  ttlHours: 24,
  nodes: [
    // ---------- entry ----------
    branch('start', 'contact.verified', [{ test: 'is_true', to: 'welcome' }], 'guest_welcome'),
    then('welcome', [say('¡Hola! 👋 Soy el asistente virtual de OncoPed, del IMSS. Estoy aquí para ayudarte con la atención de tu hija o hijo.')], 'menu'),
    branch('home', 'contact.verified', [{ test: 'is_true', to: 'menu' }], 'guest_menu'),

    // ---------- contacts not verified yet ----------
    then(
      'guest_welcome',
      [
        say(
          '¡Hola! 👋 Soy el asistente virtual de OncoPed, del IMSS, para las familias de niñas, niños y adolescentes con cáncer.\n\nPara reportar casos, pedir medicamentos o consultar tus casos, primero necesito verificar que eres mamá, papá o tutor(a) de la niña o el niño.',
        ),
      ],
      'guest_menu',
    ),
    ask(
      'guest_menu',
      [
        buttons('¿Qué quieres hacer?', [
          ['g_info', 'Información'],
          ['g_verify', 'Verificarme'],
          ['g_person', 'Hablar con persona'],
        ]),
      ],
      guestCases,
      'guest_help',
    ),
    then('guest_help', [say('No entendí tu mensaje 🙏. Toca uno de los botones o escribe su número: 1 Información, 2 Verificarme, 3 Hablar con una persona.')], 'guest_menu'),
    then('guest_need_verify', [say('Para eso primero necesito verificar que eres tutor(a) de la niña o el niño. Toca «Verificarme»: solo te pediré su CURP y su fecha de nacimiento.')], 'guest_menu'),

    // ---------- verification ----------
    ask(
      'curp_ask',
      [
        say(
          'Para verificarte necesito la *CURP* de tu hija o hijo: son 18 letras y números, por ejemplo GOMA150503HDFRRN05. La encuentras en su acta de nacimiento o en su carnet.\n\nEscríbela aquí. Si en tu hospital te dieron un código de verificación, escribe CÓDIGO.',
        ),
      ],
      curpCases,
      'curp_retry',
    ),
    ask(
      'curp_retry',
      [
        buttons(
          'Esa no parece una CURP 🤔. La CURP tiene 18 letras y números, por ejemplo: GOMA150503HDFRRN05.\n\nEscríbela de nuevo. Si no la tienes a la mano, pide en trabajo social de tu hospital un código de verificación.',
          [
            ['code', 'Tengo un código'],
            ['person', 'Hablar con persona'],
          ],
        ),
      ],
      curpCases,
      'curp_retry',
    ),
    ask('birth_ask', [say('Gracias. Ahora escribe la *fecha de nacimiento* de tu hija o hijo, por ejemplo 03/05/2015 o 3 de mayo de 2015.')], birthCases, 'birth_retry'),
    ask('birth_retry', [say('No reconocí la fecha 🤔. Escríbela como día/mes/año, por ejemplo 03/05/2015.')], birthCases, 'birth_retry'),
    branch('verify_curp', 'result:verify.status', verifyOutcome, 'verify_failed', [
      { type: 'invoke', effect: 'verify_curp', params: { curp: '{{results.curp}}', birthDate: '{{results.birthDate}}' }, result: 'verify' },
    ]),
    ask('code_ask', [say('Escribe el código de 6 números que te dio el personal de tu hospital.')], codeCases, 'code_retry'),
    ask('code_retry', [say('El código tiene 6 números, por ejemplo 482913. Escríbelo de nuevo, o escribe PERSONA para hablar con alguien del equipo.')], codeCases, 'code_retry'),
    branch('verify_code', 'result:verify.status', verifyOutcome, 'verify_failed', [
      { type: 'invoke', effect: 'verify_code', params: { code: '{{results.code}}' }, result: 'verify' },
    ]),
    then('verified', [say('¡Listo! ✅ Ya verificamos tus datos y ya puedes usar todas las opciones.')], 'menu'),
    ask(
      'verify_failed',
      [
        buttons(
          'No pudimos verificar esos datos 😕. Revisa que la CURP y la fecha de nacimiento sean las de tu hija o hijo, y que escribas desde el celular que registraste en su hospital.\n\nTambién puedes pedir en trabajo social de tu hospital un código de verificación.',
          failedButtons,
        ),
      ],
      failedCases,
      'verify_failed_help',
    ),
    ask('verify_failed_help', [buttons('Toca una de las opciones para continuar:', failedButtons)], failedCases, 'verify_failed_help'),
    ask(
      'verify_locked',
      [
        buttons(
          'Por seguridad pausamos la verificación durante una hora, porque hubo varios intentos sin éxito 🔒.\n\nPide en trabajo social de tu hospital un código de verificación; pasada la hora, toca «Tengo un código» y escríbelo. Si necesitas ayuda ahora, toca «Hablar con persona».',
          lockedButtons,
        ),
      ],
      lockedCases,
      'verify_locked_help',
    ),
    ask('verify_locked_help', [buttons('Toca una de las opciones para continuar:', lockedButtons)], lockedCases, 'verify_locked_help'),

    // ---------- main menu (verified) ----------
    ask(
      'menu',
      [
        {
          type: 'send_list',
          text: MENU_TEXT,
          button: 'Ver opciones',
          sections: [
            {
              title: 'Menú principal',
              rows: [
                { id: 'report', title: 'Reportar un caso', description: 'Caso específico: algo de la atención que no se ha resuelto' },
                { id: 'supply', title: 'Solicitar medicamento', description: 'Medicamento o insumo que hace falta' },
                { id: 'status', title: 'Estado de mis casos', description: 'Cómo van los casos y solicitudes de tu familia' },
                { id: 'carnet', title: 'Mi carnet digital' },
                { id: 'info', title: 'Información', description: 'Cáncer infantil, servicios, ONCOCREAN, reuniones' },
                { id: 'person', title: 'Hablar con una persona', description: 'Alguien del equipo te responde por este chat' },
              ],
            },
          ],
        },
      ],
      menuCases,
      'menu_help',
    ),
    then(
      'menu_help',
      [say('No entendí tu mensaje 🙏. Elige una opción de la lista o escribe su número; por ejemplo, 2 para pedir un medicamento. Si prefieres, escribe PERSONA y alguien del equipo te atenderá.')],
      'menu',
    ),
    then('no_children', [say('Aún no tengo a ninguna niña o niño vinculado a tu número. Escribe PERSONA y alguien del equipo te ayudará.')], 'home'),

    // ---------- 1. report a caso específico ----------
    branch(
      'report',
      'children.count',
      [
        { test: 'equals', args: ['0'], to: 'no_children' },
        { test: 'equals', args: ['1'], to: 'report_single' },
      ],
      'report_child',
    ),
    then('report_single', [{ type: 'select_child', saveAs: 'child' }], 'report_hospital'),
    ...childChoice('report_child', '¿Sobre cuál de tus hijas o hijos es el caso?', 'report_hospital'),
    ask(
      'report_hospital',
      [buttons('El caso se registrará en *{{results.child.unitName}}*, el hospital donde atienden a {{results.child.name}}. ¿Es correcto?', YES_NO_HOSPITAL)],
      hospitalCases('report_category', 'report_other_hospital'),
      'report_hospital_help',
    ),
    ask(
      'report_hospital_help',
      [buttons('Toca «Sí» si el caso es de {{results.child.unitName}}, u «Otro hospital» si pasó en otro.', YES_NO_HOSPITAL)],
      hospitalCases('report_category', 'report_other_hospital'),
      'report_hospital_help',
    ),
    then(
      'report_other_hospital',
      [
        say(
          'Entendido. El caso quedará registrado con {{results.child.unitName}}, que es el hospital de {{results.child.name}} en el registro. Cuando me cuentes qué pasa, dime también en qué hospital fue y lo tomaremos en cuenta.',
        ),
      ],
      'report_category',
    ),
    ask(
      'report_category',
      [
        {
          type: 'send_list',
          text: '¿Sobre qué tema es el caso? Elige la categoría que mejor lo describa.',
          button: 'Ver categorías',
          sections: [{ title: 'Categorías', rows: CATEGORIES.map(([id, title, description]) => ({ id, title, description })) }],
        },
      ],
      CATEGORIES.map(([code, , , keywords], i) => option(code, i + 1, keywords, 'report_description', 'category')),
      'report_category_help',
    ),
    then('report_category_help', [say('No encontré esa categoría 🤔. Elige una opción de la lista o escribe su número; si ninguna te queda, elige 9, «Otro».')], 'report_category'),
    ask(
      'report_description',
      [say('Cuéntame, ¿qué está pasando? Escribe en un solo mensaje qué necesita {{results.child.name}}, desde cuándo y qué te han dicho en el hospital.')],
      [{ test: 'has_text', args: [10], to: 'report_create', saveAs: 'description' }],
      'report_description_retry',
    ),
    ask(
      'report_description_retry',
      [say('Necesito un poco más de detalle para que el equipo entienda el caso (al menos 10 letras). ¿Qué está pasando?')],
      [{ test: 'has_text', args: [10], to: 'report_create', saveAs: 'description' }],
      'report_description_retry',
    ),
    branch('report_create', 'result:case.status', [{ test: 'equals', args: ['ok'], to: 'report_created' }], 'report_failed', [
      {
        type: 'invoke',
        effect: 'create_case',
        params: { patientId: '{{results.child}}', category: '{{results.category}}', description: '{{results.description}}' },
        result: 'case',
      },
    ]),
    branch('report_created', 'result:case.hasCode', [{ test: 'equals', args: ['yes'], to: 'report_done_code' }], 'report_done_folio'),
    then(
      'report_done_code',
      [
        say(
          '✅ ¡Listo! Registramos tu caso con el número *CE {{results.case.code}}*.\n\nSe revisará en la reunión semanal número {{results.case.meetingNumber}}, el {{results.case.meetingDate}}. Guarda este número: con él puedes preguntar cómo va tu caso.',
        ),
      ],
      'menu',
    ),
    then(
      'report_done_folio',
      [
        say(
          '✅ Recibimos tu caso con el folio *{{results.case.folio}}*. Todavía no hay una reunión programada para revisarlo; cuando se asigne, tendrá su número CE. Puedes ver cómo va en «Estado de mis casos».',
        ),
      ],
      'menu',
    ),
    then('report_failed', [say('😕 No pudimos registrar tu caso en este momento. Intenta de nuevo en unos minutos o elige «Hablar con una persona».')], 'menu'),

    // ---------- 2. request a medicine or supply ----------
    branch(
      'supply',
      'children.count',
      [
        { test: 'equals', args: ['0'], to: 'no_children' },
        { test: 'equals', args: ['1'], to: 'supply_single' },
      ],
      'supply_child',
    ),
    then('supply_single', [{ type: 'select_child', saveAs: 'child' }], 'supply_item'),
    ...childChoice('supply_child', '¿Para cuál de tus hijas o hijos es el medicamento o insumo?', 'supply_item'),
    ask(
      'supply_item',
      [say('¿Qué medicamento o insumo necesitas para {{results.child.name}}? Escribe su nombre o su clave y, si la sabes, la presentación. Por ejemplo: Prednisona 5 mg tabletas.')],
      [{ test: 'has_text', args: [3], to: 'supply_urgency', saveAs: 'item' }],
      'supply_item_retry',
    ),
    ask(
      'supply_item_retry',
      [say('Escribe el nombre o la clave del medicamento o insumo, por ejemplo: Prednisona 5 mg tabletas.')],
      [{ test: 'has_text', args: [3], to: 'supply_urgency', saveAs: 'item' }],
      'supply_item_retry',
    ),
    ask('supply_urgency', [buttons('¿Qué tan urgente es?', urgencyButtons)], urgencyCases, 'supply_urgency_help'),
    ask('supply_urgency_help', [buttons('Toca una opción: ¿qué tan urgente es?', urgencyButtons)], urgencyCases, 'supply_urgency_help'),
    ask(
      'supply_hospital',
      [buttons('La solicitud se enviará a *{{results.child.unitName}}*, el hospital donde atienden a {{results.child.name}}. ¿Es correcto?', YES_NO_HOSPITAL)],
      hospitalCases('supply_create', 'supply_other_hospital'),
      'supply_hospital_help',
    ),
    ask(
      'supply_hospital_help',
      [buttons('Toca «Sí» si el medicamento es para {{results.child.unitName}}, u «Otro hospital» si no.', YES_NO_HOSPITAL)],
      hospitalCases('supply_create', 'supply_other_hospital'),
      'supply_hospital_help',
    ),
    then(
      'supply_other_hospital',
      [
        say(
          'Entendido. La solicitud se registra con {{results.child.unitName}}, el hospital de {{results.child.name}} en el registro. Si ahora le atienden en otro hospital, coméntalo en trabajo social para que actualicen su registro.',
        ),
      ],
      'supply_create',
    ),
    branch('supply_create', 'result:req.status', [{ test: 'equals', args: ['ok'], to: 'supply_created' }], 'supply_failed', [
      {
        type: 'invoke',
        effect: 'create_supply_request',
        params: { patientId: '{{results.child}}', item: '{{results.item}}', urgency: '{{results.urgency}}' },
        result: 'req',
      },
    ]),
    branch('supply_created', 'result:req.case.hasCode', [{ test: 'equals', args: ['yes'], to: 'supply_done_code' }], 'supply_done_folio'),
    then(
      'supply_done_code',
      [
        say(
          '✅ Recibimos tu solicitud de *{{results.item}}* con el folio *{{results.req.folio}}*.\n\nTambién abrimos el caso *CE {{results.req.case.code}}* (medicamento faltante), que se revisará en la reunión semanal del {{results.req.case.meetingDate}}. Puedes ver cómo va en «Estado de mis casos».',
        ),
      ],
      'menu',
    ),
    then(
      'supply_done_folio',
      [say('✅ Recibimos tu solicitud de *{{results.item}}* con el folio *{{results.req.folio}}* (caso {{results.req.case.folio}}). Puedes ver cómo va en «Estado de mis casos».')],
      'menu',
    ),
    then('supply_failed', [say('😕 No pudimos registrar tu solicitud en este momento. Intenta de nuevo en unos minutos o elige «Hablar con una persona».')], 'menu'),

    // ---------- 3. status of my cases ----------
    branch(
      'status',
      'result:cases.count',
      [
        { test: 'equals', args: ['0'], to: 'status_none' },
        { test: 'has_number_between', args: [1, 100000], to: 'status_list' },
      ],
      'status_failed',
      [{ type: 'invoke', effect: 'list_cases', params: {}, result: 'cases' }],
    ),
    then('status_list', [say('📋 Estos son tus casos más recientes:\n\n{{results.cases.text}}')], 'menu'),
    then('status_none', [say('Por ahora no tienes casos registrados. Si algo no se ha resuelto en la atención de tu hija o hijo, elige «Reportar un caso».')], 'menu'),
    then('status_failed', [say('😕 No pude consultar tus casos en este momento. Intenta de nuevo en unos minutos.')], 'menu'),

    // ---------- 4. digital carnet ----------
    branch('carnet', 'field:portalUrl', [{ test: 'has_text', args: [4], to: 'carnet_link' }], 'carnet_soon'),
    then('carnet_link', [say('🪪 El carnet digital de tu hija o hijo está en el portal para familias:\n{{fields.portalUrl}}')], 'menu'),
    then(
      'carnet_soon',
      [say('🪪 Muy pronto podrás consultar el carnet digital de tu hija o hijo en el portal para familias. Mientras tanto, si necesitas algún dato de su registro, pregunta en trabajo social de su hospital.')],
      'menu',
    ),

    // ---------- 5. information (everyone) ----------
    ask(
      'info',
      [
        {
          type: 'send_list',
          text: '¿Qué te gustaría saber?',
          button: 'Ver temas',
          sections: [
            {
              title: 'Información',
              rows: [
                { id: 'info_cancer', title: 'Cáncer infantil', description: 'Qué es y señales de alarma' },
                { id: 'info_services', title: 'Servicios del IMSS', description: 'Atención y licencia 140 Bis para madres y padres' },
                { id: 'info_oncocrean', title: 'Modelo ONCOCREAN', description: 'Atención cerca de casa' },
                { id: 'info_meetings', title: 'Reuniones semanales', description: 'Cómo y cuándo se revisan los casos' },
                { id: 'back', title: 'Regresar al menú' },
              ],
            },
          ],
        },
      ],
      [
        option('info_cancer', 1, ['cancer', 'alarma', 'sintomas', 'senales'], 'info_cancer'),
        option('info_services', 2, ['servicios', 'licencia', 'permiso', '140 bis'], 'info_services'),
        option('info_oncocrean', 3, ['oncocrean', 'modelo'], 'info_oncocrean'),
        option('info_meetings', 4, ['reunion', 'reuniones', 'jueves', 'martes'], 'info_meetings'),
        option('back', 5, ['regresar', 'volver', 'menu', 'atras'], 'home'),
      ],
      'info_help',
    ),
    then('info_help', [say('No encontré ese tema 🤔. Elige una opción de la lista o escribe su número.')], 'info'),
    then('info_cancer', [say(INFO_CANCER)], 'info_more'),
    then('info_services', [say(INFO_SERVICES)], 'info_more'),
    then('info_oncocrean', [say(INFO_ONCOCREAN)], 'info_more'),
    then('info_meetings', [say(INFO_MEETINGS)], 'info_more'),
    ask(
      'info_more',
      [
        buttons('¿Te ayudo con algo más?', [
          ['more', 'Otro tema'],
          ['home', 'Menú principal'],
        ]),
      ],
      [option('more', 1, ['otro', 'tema', 'otro tema', 'mas'], 'info'), option('home', 2, ['menu', 'principal', 'regresar', 'no', 'gracias'], 'home')],
      'info_more_help',
    ),
    then('info_more_help', [say('Toca «Otro tema» para seguir leyendo o «Menú principal» para ver las opciones.')], 'info_more'),

    // ---------- 6. a person ----------
    then('person', [
      { type: 'invoke', effect: 'handover', params: { topic: 'Hablar con una persona', note: '{{input}}' }, result: 'handover' },
      say(
        'Te comunicamos con una persona del equipo 🙋. Te responderá por este mismo chat en cuanto pueda; el horario de atención es de lunes a domingo, de 8:00 a 20:00.\n\nMientras tanto, puedes escribir aquí tu duda con todos los detalles.',
      ),
    ]),

    // ---------- a wait that got no answer ----------
    then('timeout', [say('¿Sigues ahí? 👋 Cuando quieras continuar, escribe MENU y con gusto te ayudo.')]),
  ],
};

function checked(def: FlowDefinitionInput): FlowDefinition {
  const r = validateFlow(def);
  if (!r.ok) throw new Error(`default flow ${def.key} is invalid: ${r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return r.flow;
}

export const DEFAULT_FLOWS: { key: string; name: string; definition: FlowDefinition }[] = [{ key: 'main', name: main.name, definition: checked(main) }];

/** The definitions as written (tests check they validate on their own). */
export const DEFAULT_FLOW_SOURCES: FlowDefinitionInput[] = [main];
