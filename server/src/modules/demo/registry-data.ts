/**
 * Catalogues behind the synthetic registry (demo data and benchmark data sets): Mexican names,
 * municipalities and telephone area codes per state, the diagnoses with their case mix, age at
 * diagnosis, survival and treatment, and the chemotherapy regimens. All synthetic: no real person.
 *
 * Case mix (reference/registry-and-domain.md §0.1, §3.5): pediatric leukaemia ≈ 49 %, CNS ≈ 12 %,
 * lymphoma ≈ 10 % (IMSS 2022); ICD-O-3 morphology/topography as in the SEER/IARC tables. The
 * 5-year survival figures are round values of the published order of magnitude (pediatric overall
 * ≈ 68 % in the Mexican Seguro Popular cohort), used only to draw believable death dates.
 */

type Weighted<T> = readonly (readonly [T, number])[];

// ------------------------------------------------------------------------------------- names

export const GIVEN_CHILD_F: Weighted<string> = [
  ['Sofía', 9], ['María José', 8], ['Valentina', 8], ['Regina', 7], ['Camila', 7], ['Ximena', 7], ['Valeria', 6],
  ['María Fernanda', 6], ['Renata', 6], ['Victoria', 5], ['Natalia', 5], ['Daniela', 5], ['Isabella', 5], ['Andrea', 4],
  ['Mariana', 4], ['Romina', 4], ['Fernanda', 4], ['Ana Sofía', 4], ['Paula', 3], ['Guadalupe', 3], ['Alejandra', 3],
  ['Itzel', 3], ['Jimena', 3], ['Abril', 3], ['Aitana', 3], ['Emilia', 3], ['Julieta', 3], ['Luciana', 3],
  ['Montserrat', 3], ['Dulce María', 2], ['Lucía', 2], ['Frida', 2], ['Danna Paola', 2], ['Ángela', 2], ['Kimberly', 2],
  ['Karla', 2], ['Alondra', 2], ['Yaretzi', 2], ['Citlali', 2], ['Xóchitl', 1], ['Areli', 1], ['Evelyn', 1],
  ['Estrella', 1], ['Zoe', 2], ['Nicole', 2], ['Melanie', 1], ['Ana Paula', 2], ['María Guadalupe', 2], ['Brenda', 1],
  ['Nayeli', 1], ['Sara', 1], ['Elena', 1], ['Miranda', 2], ['Ivanna', 1], ['Arantza', 1], ['Ashley', 1],
];

export const GIVEN_CHILD_M: Weighted<string> = [
  ['Santiago', 9], ['Mateo', 8], ['Sebastián', 8], ['Leonardo', 7], ['Matías', 7], ['Emiliano', 6], ['Diego', 6],
  ['Miguel Ángel', 5], ['Daniel', 5], ['Alexander', 4], ['Iker', 4], ['Gael', 4], ['Ángel', 4], ['José Ángel', 3],
  ['Jesús', 3], ['Dylan', 3], ['Alejandro', 3], ['Tadeo', 3], ['Maximiliano', 3], ['Luis Ángel', 3], ['Carlos', 2],
  ['Jorge', 2], ['Juan Pablo', 3], ['Fernando', 2], ['Rodrigo', 2], ['Ricardo', 2], ['Kevin', 2], ['Axel', 2],
  ['Adrián', 2], ['Christopher', 2], ['Josué', 2], ['Bruno', 2], ['Isaac', 2], ['Damián', 2], ['Aarón', 2], ['Ian', 2],
  ['Thiago', 2], ['Emmanuel', 2], ['Uriel', 1], ['Eduardo', 1], ['José Luis', 1], ['Juan Carlos', 1], ['Erick', 1],
  ['Brandon', 1], ['Jonathan', 1], ['Yahir', 1], ['Iván', 1], ['Pablo', 1], ['Hugo', 1], ['Joaquín', 2], ['Julián', 1],
  ['Rafael', 1], ['Jesús Alberto', 1], ['Ángel Gabriel', 1], ['Cristian', 1], ['Omar', 1],
];

export const GIVEN_ADULT_F: Weighted<string> = [
  ['María Guadalupe', 8], ['Juana', 4], ['Margarita', 4], ['Verónica', 5], ['Leticia', 4], ['Rosa María', 4],
  ['Patricia', 5], ['Elizabeth', 4], ['Gabriela', 4], ['Silvia', 4], ['Martha', 4], ['Adriana', 4], ['Claudia', 4],
  ['Alejandra', 3], ['Teresa', 3], ['Laura', 3], ['Araceli', 3], ['Norma', 3], ['Yolanda', 3], ['María Elena', 3],
  ['Ana María', 3], ['Sandra', 3], ['Lorena', 3], ['Maribel', 2], ['Rocío', 2], ['Blanca Estela', 2], ['Irma', 2],
  ['Alicia', 2], ['Josefina', 2], ['Carmen', 2], ['Lucía', 2], ['María de los Ángeles', 2], ['María del Carmen', 3],
  ['Beatriz', 2], ['Gloria', 2], ['Susana', 2], ['Mónica', 2], ['Erika', 2], ['Karina', 2], ['Diana', 2],
  ['Guadalupe', 3], ['Rosa', 2], ['Ana Laura', 1], ['Esperanza', 1], ['Catalina', 1], ['Isabel', 2], ['Leonor', 1],
  ['Cecilia', 1], ['Fabiola', 1], ['Marisol', 1], ['Elvira', 1], ['Dolores', 1], ['Francisca', 1],
];

export const GIVEN_ADULT_M: Weighted<string> = [
  ['José', 6], ['Juan', 5], ['Jesús', 4], ['Francisco', 4], ['Antonio', 3], ['Pedro', 3], ['Alejandro', 3],
  ['Manuel', 3], ['Miguel', 3], ['Luis', 3], ['José Luis', 5], ['Juan Carlos', 4], ['Jorge', 3], ['Ricardo', 3],
  ['Roberto', 3], ['Fernando', 3], ['Javier', 3], ['Raúl', 3], ['Sergio', 3], ['Arturo', 3], ['Eduardo', 3],
  ['Martín', 2], ['Rafael', 2], ['Óscar', 2], ['Enrique', 2], ['Alfredo', 2], ['Héctor', 2], ['Mario', 2],
  ['Gerardo', 2], ['Salvador', 2], ['Guillermo', 2], ['Víctor Manuel', 2], ['José Antonio', 3], ['Juan Manuel', 3],
  ['Ramón', 2], ['Rubén', 2], ['Gabriel', 2], ['Armando', 2], ['Daniel', 2], ['Carlos', 3], ['Ignacio', 1],
  ['Andrés', 1], ['Marco Antonio', 2], ['Julio César', 2], ['Ernesto', 1], ['Jaime', 1], ['Alberto', 1], ['Pablo', 1],
  ['Felipe', 1], ['Rogelio', 1], ['Agustín', 1], ['Hugo', 1], ['Adrián', 1], ['Gustavo', 1], ['Joel', 1],
];

export const SURNAMES: Weighted<string> = [
  ['Hernández', 60], ['García', 45], ['Martínez', 40], ['López', 38], ['González', 37], ['Pérez', 28], ['Rodríguez', 28],
  ['Sánchez', 27], ['Ramírez', 25], ['Cruz', 18], ['Flores', 17], ['Gómez', 17], ['Morales', 15], ['Vázquez', 14],
  ['Reyes', 14], ['Jiménez', 13], ['Torres', 13], ['Díaz', 12], ['Gutiérrez', 12], ['Ruiz', 11], ['Mendoza', 11],
  ['Aguilar', 11], ['Ortiz', 10], ['Moreno', 10], ['Castillo', 10], ['Romero', 9], ['Álvarez', 9], ['Méndez', 9],
  ['Chávez', 9], ['Rivera', 9], ['Juárez', 8], ['Ramos', 8], ['Domínguez', 8], ['Herrera', 8], ['Medina', 8],
  ['Castro', 7], ['Vargas', 7], ['Guzmán', 7], ['Velázquez', 7], ['Muñoz', 7], ['Rojas', 6], ['Contreras', 6],
  ['Salazar', 6], ['Luna', 6], ['Ortega', 6], ['Santiago', 6], ['Guerrero', 6], ['Estrada', 5], ['Bautista', 5],
  ['Cortés', 5], ['Soto', 5], ['Alvarado', 5], ['Espinoza', 5], ['Lara', 5], ['Ávila', 5], ['Ríos', 5],
  ['Cervantes', 4], ['Silva', 4], ['Delgado', 4], ['Vega', 4], ['Márquez', 4], ['Sandoval', 4], ['Fernández', 4],
  ['León', 4], ['Carrillo', 4], ['Mejía', 4], ['Solís', 4], ['Núñez', 4], ['Rosas', 4], ['Valdez', 4], ['Ibarra', 4],
  ['Campos', 4], ['Santos', 3], ['Camacho', 3], ['Navarro', 3], ['Peña', 3], ['Maldonado', 3], ['Rosales', 3],
  ['Acosta', 3], ['Miranda', 3], ['Trejo', 3], ['Valencia', 3], ['Nava', 3], ['Pacheco', 3], ['Huerta', 3],
  ['Padilla', 3], ['Molina', 3], ['Ochoa', 3], ['de la Cruz', 3], ['Zamora', 2], ['Osorio', 2], ['Calderón', 2],
  ['Orozco', 2], ['Cárdenas', 2], ['Escobar', 2], ['de León', 2], ['Villanueva', 2], ['Zúñiga', 2], ['Galván', 2],
  ['Barrera', 2], ['Mercado', 2], ['Ayala', 2], ['Benítez', 2], ['Cabrera', 2], ['Figueroa', 2], ['Fuentes', 2],
  ['Gallegos', 2], ['Lozano', 2], ['Macías', 2], ['Montes', 2], ['Pineda', 2], ['Quintero', 2], ['Robles', 2],
  ['Salinas', 2], ['Serrano', 2], ['Tapia', 2], ['Vera', 2], ['Garza', 2], ['Zavala', 1], ['Arellano', 1],
  ['Bravo', 1], ['Cisneros', 1], ['Coronado', 1], ['Duarte', 1], ['Esquivel', 1], ['Franco', 1], ['Ibáñez', 1],
  ['Lugo', 1], ['Montoya', 1], ['Ocampo', 1], ['Palacios', 1], ['Quiroz', 1], ['Rangel', 1], ['Sosa', 1],
  ['Treviño', 1], ['Villarreal', 1], ['Olvera', 1], ['Becerra', 1], ['Cano', 1], ['Nolasco', 1], ['Tovar', 1],
  ['Beltrán', 1], ['Cuevas', 1], ['Escamilla', 1], ['Hidalgo', 1], ['Mora', 1], ['Rueda', 1], ['Saldaña', 1],
];

/** Maya surnames, frequent in Yucatán, Campeche and Quintana Roo. */
export const SURNAMES_MAYA: Weighted<string> = [
  ['Pech', 5], ['Canul', 5], ['Chi', 4], ['May', 5], ['Uc', 4], ['Tun', 3], ['Cauich', 3], ['Ek', 3], ['Poot', 3],
  ['Dzul', 3], ['Chan', 4], ['Cocom', 2], ['Balam', 2], ['Canché', 2], ['Koh', 1], ['Kú', 2], ['Couoh', 1], ['Puc', 2],
];
export const MAYA_STATES = new Set(['Yucatán', 'Campeche', 'Quintana Roo']);

/** Given names used for the physicians of each unit (with Dr./Dra.). */
export const PHYSICIAN_TITLES = { H: 'Dr.', M: 'Dra.' } as const;

// ------------------------------------------------------------------------------- geography

export const MUNICIPALITIES: Record<string, readonly string[]> = {
  Aguascalientes: ['Aguascalientes', 'Jesús María', 'Calvillo', 'Rincón de Romos'],
  'Baja California': ['Tijuana', 'Mexicali', 'Ensenada', 'Tecate', 'Playas de Rosarito'],
  'Baja California Sur': ['La Paz', 'Los Cabos', 'Comondú', 'Mulegé'],
  Campeche: ['Campeche', 'Carmen', 'Champotón', 'Escárcega'],
  Coahuila: ['Saltillo', 'Torreón', 'Monclova', 'Piedras Negras', 'Acuña'],
  Colima: ['Colima', 'Manzanillo', 'Villa de Álvarez', 'Tecomán'],
  Chiapas: ['Tuxtla Gutiérrez', 'Tapachula', 'San Cristóbal de las Casas', 'Comitán de Domínguez', 'Palenque'],
  Chihuahua: ['Chihuahua', 'Juárez', 'Cuauhtémoc', 'Delicias', 'Hidalgo del Parral'],
  'Ciudad de México': ['Iztapalapa', 'Gustavo A. Madero', 'Álvaro Obregón', 'Coyoacán', 'Tlalpan', 'Cuauhtémoc', 'Venustiano Carranza', 'Azcapotzalco', 'Xochimilco', 'Tláhuac'],
  Durango: ['Durango', 'Gómez Palacio', 'Lerdo', 'Santiago Papasquiaro'],
  Guanajuato: ['León', 'Irapuato', 'Celaya', 'Salamanca', 'Guanajuato', 'Silao de la Victoria'],
  Guerrero: ['Acapulco de Juárez', 'Chilpancingo de los Bravo', 'Iguala de la Independencia', 'Zihuatanejo de Azueta', 'Taxco de Alarcón'],
  Hidalgo: ['Pachuca de Soto', 'Tulancingo de Bravo', 'Tizayuca', 'Mineral de la Reforma', 'Tula de Allende'],
  Jalisco: ['Guadalajara', 'Zapopan', 'San Pedro Tlaquepaque', 'Tonalá', 'Tlajomulco de Zúñiga', 'Puerto Vallarta'],
  'Estado de México': ['Ecatepec de Morelos', 'Nezahualcóyotl', 'Naucalpan de Juárez', 'Tlalnepantla de Baz', 'Toluca', 'Metepec', 'Chimalhuacán', 'Cuautitlán Izcalli'],
  Michoacán: ['Morelia', 'Uruapan', 'Zamora', 'Lázaro Cárdenas', 'Apatzingán'],
  Morelos: ['Cuernavaca', 'Jiutepec', 'Cuautla', 'Temixco'],
  Nayarit: ['Tepic', 'Bahía de Banderas', 'Santiago Ixcuintla', 'Compostela'],
  'Nuevo León': ['Monterrey', 'Guadalupe', 'Apodaca', 'San Nicolás de los Garza', 'General Escobedo', 'Santa Catarina'],
  Oaxaca: ['Oaxaca de Juárez', 'Juchitán de Zaragoza', 'Salina Cruz', 'San Juan Bautista Tuxtepec', 'Santa Cruz Xoxocotlán'],
  Puebla: ['Puebla', 'Tehuacán', 'San Martín Texmelucan', 'Atlixco', 'San Andrés Cholula'],
  Querétaro: ['Querétaro', 'San Juan del Río', 'Corregidora', 'El Marqués'],
  'Quintana Roo': ['Benito Juárez', 'Othón P. Blanco', 'Solidaridad', 'Cozumel'],
  'San Luis Potosí': ['San Luis Potosí', 'Soledad de Graciano Sánchez', 'Ciudad Valles', 'Matehuala', 'Rioverde'],
  Sinaloa: ['Culiacán', 'Mazatlán', 'Ahome', 'Guasave', 'Navolato'],
  Sonora: ['Hermosillo', 'Cajeme', 'Nogales', 'San Luis Río Colorado', 'Navojoa', 'Guaymas'],
  Tabasco: ['Centro', 'Cárdenas', 'Comalcalco', 'Macuspana', 'Huimanguillo'],
  Tamaulipas: ['Reynosa', 'Matamoros', 'Nuevo Laredo', 'Victoria', 'Tampico', 'Ciudad Madero'],
  Tlaxcala: ['Tlaxcala', 'Apizaco', 'Huamantla', 'Chiautempan'],
  Veracruz: ['Veracruz', 'Xalapa', 'Coatzacoalcos', 'Córdoba', 'Orizaba', 'Poza Rica de Hidalgo', 'Minatitlán'],
  Yucatán: ['Mérida', 'Kanasín', 'Valladolid', 'Tizimín', 'Progreso', 'Umán'],
  Zacatecas: ['Zacatecas', 'Fresnillo', 'Guadalupe', 'Jerez'],
};

/** Telephone area codes (lada) per state: a mobile number is 52 + lada + local digits = 52 + 10 digits. */
export const AREA_CODES: Record<string, readonly string[]> = {
  Aguascalientes: ['449'], 'Baja California': ['664', '686', '646'], 'Baja California Sur': ['612', '624'],
  Campeche: ['981', '938'], Coahuila: ['844', '871', '866'], Colima: ['312', '314'], Chiapas: ['961', '962', '967'],
  Chihuahua: ['614', '656', '625'], 'Ciudad de México': ['55', '56'], Durango: ['618', '871'],
  Guanajuato: ['477', '462', '461', '464'], Guerrero: ['744', '747', '733'], Hidalgo: ['771', '775'],
  Jalisco: ['33', '322'], 'Estado de México': ['55', '722', '56'], Michoacán: ['443', '452', '351'],
  Morelos: ['777', '735'], Nayarit: ['311', '322'], 'Nuevo León': ['81'], Oaxaca: ['951', '971'],
  Puebla: ['222', '238'], Querétaro: ['442', '427'], 'Quintana Roo': ['998', '983', '984'],
  'San Luis Potosí': ['444', '481'], Sinaloa: ['667', '669', '668'], Sonora: ['662', '644', '631'],
  Tabasco: ['993', '937'], Tamaulipas: ['899', '868', '867', '834', '833'], Tlaxcala: ['246', '241'],
  Veracruz: ['229', '228', '921', '271', '272', '782'], Yucatán: ['999', '985'], Zacatecas: ['492', '493'],
};

export const STREETS = [
  'Av. Insurgentes', 'Calle Hidalgo', 'Calle Morelos', 'Av. Juárez', 'Calle 5 de Mayo', 'Calle Independencia',
  'Av. Revolución', 'Calle Zaragoza', 'Calle Allende', 'Calle Guerrero', 'Av. Benito Juárez', 'Calle Aldama',
  'Calle Matamoros', 'Calle Niños Héroes', 'Av. Universidad', 'Calle Emiliano Zapata', 'Calle Francisco I. Madero',
  'Calle Venustiano Carranza', 'Calle Lázaro Cárdenas', 'Calle Vicente Guerrero', 'Calle Nicolás Bravo',
  'Av. de las Torres', 'Calle Sor Juana Inés de la Cruz', 'Calle Josefa Ortiz de Domínguez', 'Privada Las Palmas',
];
export const NEIGHBOURHOODS = [
  'Centro', 'Las Flores', 'El Mirador', 'Lomas del Valle', 'San José', 'Jardines del Sur', 'Santa María',
  'Guadalupe', 'Industrial', 'Del Valle', 'La Esperanza', 'Revolución', 'Infonavit', 'Los Pinos', 'Emiliano Zapata',
  'Las Américas', 'Benito Juárez', 'San Miguel', 'El Rosario', 'Villas del Sol', 'Ejidal', 'Magisterial',
];

// ------------------------------------------------------------------------------- regimens

export type DoseUnit = 'mg' | 'mg/m2' | 'mg/kg' | 'g/m2' | 'UI/m2' | 'mcg';
export type Route = 'IV' | 'VO' | 'IT' | 'IM' | 'SC';
export type AdminGroup = 'PREMEDICATION' | 'CHEMOTHERAPY' | 'POSTMEDICATION';

export interface Drug {
  name: string;
  dose: number;
  unit: DoseUnit;
  route: Route;
  group: AdminGroup;
}

export interface Course {
  name: string;
  /** Cycles of this course; the last course repeats until the plan's cycle count is reached. */
  cycles: number;
  drugs: readonly Drug[];
}

export interface Regimen {
  protocol: string;
  cycleLengthDays: number;
  /** Planned cycles [min, max]. */
  plannedCycles: readonly [number, number];
  courses: readonly Course[];
}

const ondansetron: Drug = { name: 'Ondansetrón', dose: 5, unit: 'mg/m2', route: 'IV', group: 'PREMEDICATION' };
const dexaPre: Drug = { name: 'Dexametasona', dose: 8, unit: 'mg', route: 'IV', group: 'PREMEDICATION' };
const chlorpheniramine: Drug = { name: 'Clorfenamina', dose: 10, unit: 'mg', route: 'IV', group: 'PREMEDICATION' };
const mesna: Drug = { name: 'Mesna', dose: 360, unit: 'mg/m2', route: 'IV', group: 'POSTMEDICATION' };
const leucovorin: Drug = { name: 'Ácido folínico (rescate)', dose: 15, unit: 'mg/m2', route: 'IV', group: 'POSTMEDICATION' };
const filgrastim: Drug = { name: 'Filgrastim', dose: 300, unit: 'mcg', route: 'SC', group: 'POSTMEDICATION' };
const C = (name: string, dose: number, unit: DoseUnit, route: Route): Drug => ({ name, dose, unit, route, group: 'CHEMOTHERAPY' });

export const REGIMENS = {
  ALL_BFM: {
    protocol: 'LLA IC-BFM 2009',
    cycleLengthDays: 28,
    plannedCycles: [22, 26],
    courses: [
      { name: 'Inducción IA', cycles: 1, drugs: [ondansetron, C('Prednisona', 60, 'mg/m2', 'VO'), C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Daunorrubicina', 30, 'mg/m2', 'IV'), C('L-asparaginasa', 5000, 'UI/m2', 'IM'), C('Metotrexato intratecal', 12, 'mg', 'IT')] },
      { name: 'Inducción IB', cycles: 1, drugs: [ondansetron, C('Ciclofosfamida', 1000, 'mg/m2', 'IV'), mesna, C('Citarabina', 75, 'mg/m2', 'IV'), C('Mercaptopurina', 60, 'mg/m2', 'VO')] },
      { name: 'Consolidación (protocolo M)', cycles: 2, drugs: [ondansetron, C('Metotrexato altas dosis', 5, 'g/m2', 'IV'), leucovorin, C('Mercaptopurina', 25, 'mg/m2', 'VO'), C('Metotrexato intratecal', 12, 'mg', 'IT')] },
      { name: 'Reinducción (protocolo II)', cycles: 2, drugs: [ondansetron, C('Dexametasona', 10, 'mg/m2', 'VO'), C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Doxorrubicina', 30, 'mg/m2', 'IV'), C('L-asparaginasa', 10000, 'UI/m2', 'IM')] },
      { name: 'Mantenimiento', cycles: 1, drugs: [C('Mercaptopurina', 50, 'mg/m2', 'VO'), C('Metotrexato', 20, 'mg/m2', 'VO')] },
    ],
  },
  AML_BFM: {
    protocol: 'LMA-BFM 2012',
    cycleLengthDays: 28,
    plannedCycles: [5, 6],
    courses: [
      { name: 'Inducción (ADxE)', cycles: 1, drugs: [ondansetron, C('Citarabina', 100, 'mg/m2', 'IV'), C('Daunorrubicina', 60, 'mg/m2', 'IV'), C('Etopósido', 150, 'mg/m2', 'IV')] },
      { name: 'Inducción (HAM)', cycles: 1, drugs: [ondansetron, C('Citarabina altas dosis', 3, 'g/m2', 'IV'), C('Mitoxantrona', 10, 'mg/m2', 'IV')] },
      { name: 'Consolidación', cycles: 4, drugs: [ondansetron, C('Citarabina altas dosis', 3, 'g/m2', 'IV'), filgrastim] },
    ],
  },
  APL: {
    protocol: 'LPA: ATRA + idarrubicina (AIDA)',
    cycleLengthDays: 28,
    plannedCycles: [5, 7],
    courses: [
      { name: 'Inducción', cycles: 1, drugs: [ondansetron, C('Tretinoína (ATRA)', 25, 'mg/m2', 'VO'), C('Idarrubicina', 12, 'mg/m2', 'IV')] },
      { name: 'Consolidación', cycles: 3, drugs: [ondansetron, C('Tretinoína (ATRA)', 25, 'mg/m2', 'VO'), C('Idarrubicina', 5, 'mg/m2', 'IV')] },
      { name: 'Mantenimiento', cycles: 1, drugs: [C('Tretinoína (ATRA)', 25, 'mg/m2', 'VO'), C('Mercaptopurina', 50, 'mg/m2', 'VO'), C('Metotrexato', 15, 'mg/m2', 'VO')] },
    ],
  },
  CML: {
    protocol: 'Imatinib (inhibidor de tirosina cinasa)',
    cycleLengthDays: 28,
    plannedCycles: [12, 24],
    courses: [{ name: 'Fase crónica', cycles: 1, drugs: [C('Imatinib', 340, 'mg/m2', 'VO')] }],
  },
  HODGKIN_PED: {
    protocol: 'LH EuroNet-PHL-C2 (OEPA / COPDAC-28)',
    cycleLengthDays: 28,
    plannedCycles: [4, 6],
    courses: [
      { name: 'OEPA', cycles: 2, drugs: [ondansetron, C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Etopósido', 125, 'mg/m2', 'IV'), C('Prednisona', 60, 'mg/m2', 'VO'), C('Doxorrubicina', 40, 'mg/m2', 'IV')] },
      { name: 'COPDAC-28', cycles: 1, drugs: [ondansetron, C('Ciclofosfamida', 500, 'mg/m2', 'IV'), C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Prednisona', 40, 'mg/m2', 'VO'), C('Dacarbazina', 250, 'mg/m2', 'IV')] },
    ],
  },
  ABVD: {
    protocol: 'ABVD',
    cycleLengthDays: 28,
    plannedCycles: [4, 6],
    courses: [{ name: 'ABVD', cycles: 1, drugs: [ondansetron, C('Doxorrubicina', 25, 'mg/m2', 'IV'), C('Bleomicina', 10, 'UI/m2', 'IV'), C('Vinblastina', 6, 'mg/m2', 'IV'), C('Dacarbazina', 375, 'mg/m2', 'IV')] }],
  },
  BURKITT: {
    protocol: 'LMB 96 (COP / COPADM / CYM)',
    cycleLengthDays: 21,
    plannedCycles: [4, 6],
    courses: [
      { name: 'COP (prefase)', cycles: 1, drugs: [ondansetron, C('Ciclofosfamida', 300, 'mg/m2', 'IV'), C('Vincristina', 1, 'mg/m2', 'IV'), C('Prednisona', 60, 'mg/m2', 'VO')] },
      { name: 'COPADM', cycles: 2, drugs: [ondansetron, C('Metotrexato altas dosis', 3, 'g/m2', 'IV'), leucovorin, C('Doxorrubicina', 60, 'mg/m2', 'IV'), C('Ciclofosfamida', 500, 'mg/m2', 'IV'), C('Vincristina', 2, 'mg/m2', 'IV')] },
      { name: 'CYM', cycles: 1, drugs: [ondansetron, C('Citarabina', 100, 'mg/m2', 'IV'), C('Metotrexato altas dosis', 3, 'g/m2', 'IV'), leucovorin] },
    ],
  },
  RCHOP: {
    protocol: 'R-CHOP-21',
    cycleLengthDays: 21,
    plannedCycles: [6, 6],
    courses: [{ name: 'R-CHOP', cycles: 1, drugs: [chlorpheniramine, ondansetron, C('Rituximab', 375, 'mg/m2', 'IV'), C('Ciclofosfamida', 750, 'mg/m2', 'IV'), C('Doxorrubicina', 50, 'mg/m2', 'IV'), C('Vincristina', 1.4, 'mg/m2', 'IV'), C('Prednisona', 100, 'mg', 'VO')] }],
  },
  NEUROBLASTOMA: {
    protocol: 'Neuroblastoma de alto riesgo (COG ANBL: CTX/TOPO, CDDP/VP-16)',
    cycleLengthDays: 21,
    plannedCycles: [6, 6],
    courses: [
      { name: 'Inducción (ciclofosfamida + topotecán)', cycles: 2, drugs: [ondansetron, C('Ciclofosfamida', 400, 'mg/m2', 'IV'), mesna, C('Topotecán', 1.2, 'mg/m2', 'IV'), filgrastim] },
      { name: 'Inducción (cisplatino + etopósido)', cycles: 2, drugs: [ondansetron, C('Cisplatino', 50, 'mg/m2', 'IV'), C('Etopósido', 200, 'mg/m2', 'IV')] },
      { name: 'Inducción (CAV)', cycles: 2, drugs: [ondansetron, C('Ciclofosfamida', 2100, 'mg/m2', 'IV'), mesna, C('Doxorrubicina', 25, 'mg/m2', 'IV'), C('Vincristina', 0.67, 'mg/m2', 'IV')] },
    ],
  },
  WILMS: {
    protocol: 'Tumor de Wilms SIOP-RTSG UMBRELLA (AV)',
    cycleLengthDays: 21,
    plannedCycles: [6, 9],
    courses: [
      { name: 'Quimioterapia preoperatoria', cycles: 2, drugs: [C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Dactinomicina', 0.045, 'mg/kg', 'IV')] },
      { name: 'Quimioterapia posoperatoria', cycles: 1, drugs: [C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Dactinomicina', 0.045, 'mg/kg', 'IV')] },
    ],
  },
  RETINOBLASTOMA: {
    protocol: 'Retinoblastoma: carboplatino + etopósido + vincristina (CEV)',
    cycleLengthDays: 28,
    plannedCycles: [6, 6],
    courses: [{ name: 'CEV', cycles: 1, drugs: [ondansetron, C('Carboplatino', 560, 'mg/m2', 'IV'), C('Etopósido', 150, 'mg/m2', 'IV'), C('Vincristina', 1.5, 'mg/m2', 'IV')] }],
  },
  HEPATOBLASTOMA: {
    protocol: 'Hepatoblastoma SIOPEL (cisplatino)',
    cycleLengthDays: 14,
    plannedCycles: [6, 6],
    courses: [{ name: 'Cisplatino', cycles: 1, drugs: [ondansetron, C('Cisplatino', 80, 'mg/m2', 'IV')] }],
  },
  OSTEOSARCOMA: {
    protocol: 'Osteosarcoma MAP (metotrexato altas dosis, doxorrubicina, cisplatino)',
    cycleLengthDays: 21,
    plannedCycles: [10, 12],
    courses: [
      { name: 'MAP', cycles: 1, drugs: [ondansetron, dexaPre, C('Cisplatino', 120, 'mg/m2', 'IV'), C('Doxorrubicina', 75, 'mg/m2', 'IV'), C('Metotrexato altas dosis', 12, 'g/m2', 'IV'), leucovorin] },
    ],
  },
  EWING: {
    protocol: 'Sarcoma de Ewing: VDC/IE intervalo comprimido',
    cycleLengthDays: 14,
    plannedCycles: [14, 14],
    courses: [
      { name: 'VDC', cycles: 1, drugs: [ondansetron, C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Doxorrubicina', 75, 'mg/m2', 'IV'), C('Ciclofosfamida', 1200, 'mg/m2', 'IV'), mesna] },
      { name: 'IE', cycles: 1, drugs: [ondansetron, C('Ifosfamida', 1800, 'mg/m2', 'IV'), mesna, C('Etopósido', 100, 'mg/m2', 'IV')] },
    ],
  },
  RMS: {
    protocol: 'Rabdomiosarcoma: VAC',
    cycleLengthDays: 21,
    plannedCycles: [9, 13],
    courses: [{ name: 'VAC', cycles: 1, drugs: [ondansetron, C('Vincristina', 1.5, 'mg/m2', 'IV'), C('Dactinomicina', 0.045, 'mg/kg', 'IV'), C('Ciclofosfamida', 1200, 'mg/m2', 'IV'), mesna] }],
  },
  PEB: {
    protocol: 'Tumores de células germinales: PEB',
    cycleLengthDays: 21,
    plannedCycles: [3, 4],
    courses: [{ name: 'PEB', cycles: 1, drugs: [ondansetron, C('Cisplatino', 20, 'mg/m2', 'IV'), C('Etopósido', 100, 'mg/m2', 'IV'), C('Bleomicina', 15, 'UI/m2', 'IV')] }],
  },
  MEDULLOBLASTOMA: {
    protocol: 'Meduloblastoma: radioterapia craneoespinal + cisplatino, lomustina y vincristina',
    cycleLengthDays: 21,
    plannedCycles: [14, 16],
    courses: [{ name: 'Mantenimiento (CCNU/CDDP/VCR)', cycles: 1, drugs: [ondansetron, C('Lomustina', 75, 'mg/m2', 'VO'), C('Cisplatino', 75, 'mg/m2', 'IV'), C('Vincristina', 1.5, 'mg/m2', 'IV')] }],
  },
  LOW_GRADE_GLIOMA: {
    protocol: 'Glioma de bajo grado: carboplatino + vincristina',
    cycleLengthDays: 28,
    plannedCycles: [12, 14],
    courses: [{ name: 'Carboplatino + vincristina', cycles: 1, drugs: [ondansetron, C('Carboplatino', 175, 'mg/m2', 'IV'), C('Vincristina', 1.5, 'mg/m2', 'IV')] }],
  },
  TEMOZOLOMIDE: {
    protocol: 'Temozolomida (esquema de Stupp) tras radioterapia',
    cycleLengthDays: 28,
    plannedCycles: [6, 6],
    courses: [{ name: 'Temozolomida adyuvante', cycles: 1, drugs: [ondansetron, C('Temozolomida', 150, 'mg/m2', 'VO')] }],
  },
  AC_T: {
    protocol: 'Cáncer de mama: AC → paclitaxel',
    cycleLengthDays: 21,
    plannedCycles: [8, 8],
    courses: [
      { name: 'AC', cycles: 4, drugs: [ondansetron, dexaPre, C('Doxorrubicina', 60, 'mg/m2', 'IV'), C('Ciclofosfamida', 600, 'mg/m2', 'IV')] },
      { name: 'Paclitaxel', cycles: 1, drugs: [dexaPre, chlorpheniramine, C('Paclitaxel', 175, 'mg/m2', 'IV')] },
    ],
  },
  CISPLATIN_WEEKLY: {
    protocol: 'Cáncer cervicouterino: quimiorradioterapia con cisplatino semanal',
    cycleLengthDays: 7,
    plannedCycles: [5, 6],
    courses: [{ name: 'Cisplatino semanal', cycles: 1, drugs: [ondansetron, C('Cisplatino', 40, 'mg/m2', 'IV')] }],
  },
  FOLFOX: {
    protocol: 'Cáncer colorrectal: FOLFOX-6 modificado',
    cycleLengthDays: 14,
    plannedCycles: [12, 12],
    courses: [{ name: 'mFOLFOX6', cycles: 1, drugs: [ondansetron, dexaPre, C('Oxaliplatino', 85, 'mg/m2', 'IV'), C('Leucovorina', 400, 'mg/m2', 'IV'), C('Fluorouracilo', 2400, 'mg/m2', 'IV')] }],
  },
  DOCETAXEL: {
    protocol: 'Cáncer de próstata: docetaxel + prednisona',
    cycleLengthDays: 21,
    plannedCycles: [6, 10],
    courses: [{ name: 'Docetaxel', cycles: 1, drugs: [dexaPre, C('Docetaxel', 75, 'mg/m2', 'IV'), C('Prednisona', 10, 'mg', 'VO')] }],
  },
  CARBO_PACLI: {
    protocol: 'Carboplatino + paclitaxel',
    cycleLengthDays: 21,
    plannedCycles: [4, 6],
    courses: [{ name: 'Carboplatino + paclitaxel', cycles: 1, drugs: [dexaPre, chlorpheniramine, ondansetron, C('Paclitaxel', 175, 'mg/m2', 'IV'), C('Carboplatino', 400, 'mg/m2', 'IV')] }],
  },
  FLOT: {
    protocol: 'Cáncer gástrico: FLOT perioperatorio',
    cycleLengthDays: 14,
    plannedCycles: [8, 8],
    courses: [{ name: 'FLOT', cycles: 1, drugs: [ondansetron, dexaPre, C('Docetaxel', 50, 'mg/m2', 'IV'), C('Oxaliplatino', 85, 'mg/m2', 'IV'), C('Leucovorina', 200, 'mg/m2', 'IV'), C('Fluorouracilo', 2600, 'mg/m2', 'IV')] }],
  },
  SEVEN_THREE: {
    protocol: 'LMA del adulto: 7 + 3 y consolidación con citarabina',
    cycleLengthDays: 28,
    plannedCycles: [4, 5],
    courses: [
      { name: 'Inducción 7 + 3', cycles: 1, drugs: [ondansetron, C('Citarabina', 100, 'mg/m2', 'IV'), C('Daunorrubicina', 60, 'mg/m2', 'IV')] },
      { name: 'Consolidación (HiDAC)', cycles: 1, drugs: [ondansetron, C('Citarabina altas dosis', 3, 'g/m2', 'IV')] },
    ],
  },
  HYPER_CVAD: {
    protocol: 'LLA del adulto: Hyper-CVAD',
    cycleLengthDays: 21,
    plannedCycles: [8, 8],
    courses: [
      { name: 'Hyper-CVAD (curso A)', cycles: 1, drugs: [ondansetron, C('Ciclofosfamida', 300, 'mg/m2', 'IV'), mesna, C('Vincristina', 2, 'mg', 'IV'), C('Doxorrubicina', 50, 'mg/m2', 'IV'), C('Dexametasona', 40, 'mg', 'VO')] },
      { name: 'Metotrexato + citarabina (curso B)', cycles: 1, drugs: [ondansetron, C('Metotrexato altas dosis', 1, 'g/m2', 'IV'), leucovorin, C('Citarabina altas dosis', 3, 'g/m2', 'IV')] },
    ],
  },
  VRD: {
    protocol: 'Mieloma múltiple: VRd (bortezomib, lenalidomida, dexametasona)',
    cycleLengthDays: 21,
    plannedCycles: [8, 8],
    courses: [{ name: 'VRd', cycles: 1, drugs: [C('Bortezomib', 1.3, 'mg/m2', 'SC'), C('Lenalidomida', 25, 'mg', 'VO'), C('Dexametasona', 20, 'mg', 'VO')] }],
  },
  FCR: {
    protocol: 'LLC: FCR (fludarabina, ciclofosfamida, rituximab)',
    cycleLengthDays: 28,
    plannedCycles: [6, 6],
    courses: [{ name: 'FCR', cycles: 1, drugs: [chlorpheniramine, C('Fludarabina', 25, 'mg/m2', 'IV'), C('Ciclofosfamida', 250, 'mg/m2', 'IV'), C('Rituximab', 375, 'mg/m2', 'IV')] }],
  },
  GEMCITABINE: {
    protocol: 'Gemcitabina + cisplatino',
    cycleLengthDays: 21,
    plannedCycles: [4, 6],
    courses: [{ name: 'Gemcitabina + cisplatino', cycles: 1, drugs: [ondansetron, C('Gemcitabina', 1000, 'mg/m2', 'IV'), C('Cisplatino', 70, 'mg/m2', 'IV')] }],
  },
  DOXO_IFO: {
    protocol: 'Sarcoma de tejidos blandos: doxorrubicina + ifosfamida',
    cycleLengthDays: 21,
    plannedCycles: [6, 6],
    courses: [{ name: 'AI', cycles: 1, drugs: [ondansetron, C('Doxorrubicina', 75, 'mg/m2', 'IV'), C('Ifosfamida', 2500, 'mg/m2', 'IV'), mesna] }],
  },
  SORAFENIB: {
    protocol: 'Sorafenib (paliativo)',
    cycleLengthDays: 28,
    plannedCycles: [6, 12],
    courses: [{ name: 'Sorafenib', cycles: 1, drugs: [C('Sorafenib', 400, 'mg', 'VO')] }],
  },
} as const satisfies Record<string, Regimen>;

export type RegimenKey = keyof typeof REGIMENS;

// ------------------------------------------------------------------------------- diagnoses

export interface OtherTreatmentSpec {
  kind: 'RADIOTHERAPY' | 'SURGERY' | 'TRANSPLANT';
  /** DX: on the day of diagnosis (diagnostic/first surgery); AFTER n: after n cycles; END: after the last cycle. */
  when: 'DX' | 'END' | number;
  description: string;
  subtype?: string;
  doseGy?: number;
  fractions?: number;
  /** Share of patients who get it. */
  share: number;
}

export interface DxSpec {
  key: string;
  label: string;
  morphology: string;
  behaviour: 0 | 1 | 2 | 3;
  topographies: Weighted<string>;
  /** Relative frequency in its population (pediatric or adult). */
  weight: number;
  /** Age at diagnosis bands [from, to (exclusive), weight] in years. */
  ages: readonly (readonly [number, number, number])[];
  /** Share of males. */
  male: number;
  /** Basis of diagnosis (IARC codes) with weights. */
  basis: Weighted<number>;
  /** Paired organ: laterality RIGHT / LEFT / BILATERAL. */
  paired?: boolean;
  stages?: readonly string[];
  riskGroups?: readonly string[];
  /** 5-year overall survival used to draw deaths. */
  s5: number;
  /** null: no chemotherapy (surgery and/or radiotherapy only). */
  regimen: RegimenKey | null;
  /** Share of patients who get the regimen (default 1); the others only get the other treatments. */
  chemoShare?: number;
  /** Share of palliative-intent plans. */
  palliative: number;
  other?: readonly OtherTreatmentSpec[];
  /** Share of patients who get febrile neutropenia episodes during chemotherapy. */
  fn: number;
}

const HISTO: Weighted<number> = [[7, 95], [6, 3], [2, 2]];
const HEMATO: Weighted<number> = [[5, 55], [7, 45]];
const ANN_ARBOR = ['IA', 'IIA', 'IIB', 'IIIA', 'IIIB', 'IVA', 'IVB'];
const TNM = ['I', 'IIA', 'IIB', 'IIIA', 'IIIB', 'IIIC', 'IV'];
const ALL_RISK = ['Riesgo estándar', 'Riesgo intermedio', 'Riesgo alto'];

export const PEDIATRIC_DIAGNOSES: readonly DxSpec[] = [
  // I Leukaemias ≈ 49 %
  { key: 'all-b', label: 'Leucemia linfoblástica aguda de precursores B', morphology: '9811', behaviour: 3, topographies: [['C42.1', 1]], weight: 30, ages: [[0, 1, 3], [1, 2, 8], [2, 6, 45], [6, 10, 20], [10, 15, 16], [15, 18, 8]], male: 0.55, basis: HEMATO, riskGroups: ALL_RISK, s5: 0.72, regimen: 'ALL_BFM', palliative: 0.01, fn: 0.45, other: [{ kind: 'TRANSPLANT', when: 'END', description: 'Trasplante alogénico de células progenitoras hematopoyéticas', subtype: 'ALLOGENEIC', share: 0.03 }] },
  { key: 'all-nos', label: 'Leucemia linfoblástica aguda de precursores B, SAI', morphology: '9836', behaviour: 3, topographies: [['C42.1', 1]], weight: 4, ages: [[1, 6, 50], [6, 18, 50]], male: 0.55, basis: HEMATO, riskGroups: ALL_RISK, s5: 0.7, regimen: 'ALL_BFM', palliative: 0.01, fn: 0.45 },
  { key: 'all-t', label: 'Leucemia linfoblástica aguda de células T', morphology: '9837', behaviour: 3, topographies: [['C42.1', 1]], weight: 4, ages: [[2, 10, 40], [10, 18, 60]], male: 0.7, basis: HEMATO, riskGroups: ALL_RISK, s5: 0.65, regimen: 'ALL_BFM', palliative: 0.02, fn: 0.45 },
  { key: 'aml', label: 'Leucemia mieloide aguda', morphology: '9861', behaviour: 3, topographies: [['C42.1', 1]], weight: 5.5, ages: [[0, 2, 25], [2, 10, 30], [10, 18, 45]], male: 0.52, basis: HEMATO, s5: 0.55, regimen: 'AML_BFM', palliative: 0.03, fn: 0.7, other: [{ kind: 'TRANSPLANT', when: 'END', description: 'Trasplante alogénico de células progenitoras hematopoyéticas', subtype: 'ALLOGENEIC', share: 0.15 }] },
  { key: 'apl', label: 'Leucemia promielocítica aguda', morphology: '9866', behaviour: 3, topographies: [['C42.1', 1]], weight: 1.5, ages: [[5, 18, 1]], male: 0.5, basis: HEMATO, s5: 0.8, regimen: 'APL', palliative: 0, fn: 0.5 },
  { key: 'amml', label: 'Leucemia mielomonocítica aguda', morphology: '9867', behaviour: 3, topographies: [['C42.1', 1]], weight: 1.5, ages: [[0, 18, 1]], male: 0.5, basis: HEMATO, s5: 0.5, regimen: 'AML_BFM', palliative: 0.03, fn: 0.7 },
  { key: 'cml', label: 'Leucemia mieloide crónica BCR-ABL1 positiva', morphology: '9875', behaviour: 3, topographies: [['C42.1', 1]], weight: 1, ages: [[5, 18, 1]], male: 0.55, basis: HEMATO, s5: 0.9, regimen: 'CML', palliative: 0, fn: 0.05 },
  { key: 'jmml', label: 'Leucemia mielomonocítica juvenil', morphology: '9946', behaviour: 3, topographies: [['C42.1', 1]], weight: 0.5, ages: [[0, 4, 1]], male: 0.65, basis: HEMATO, s5: 0.5, regimen: 'AML_BFM', palliative: 0.05, fn: 0.5, other: [{ kind: 'TRANSPLANT', when: 'END', description: 'Trasplante alogénico de células progenitoras hematopoyéticas', subtype: 'ALLOGENEIC', share: 0.5 }] },
  // II Lymphomas ≈ 10 %
  { key: 'hodgkin-ns', label: 'Linfoma de Hodgkin clásico, esclerosis nodular', morphology: '9663', behaviour: 3, topographies: [['C77.0', 5], ['C77.1', 4], ['C77.3', 1]], weight: 3.5, ages: [[5, 10, 15], [10, 18, 85]], male: 0.55, basis: HISTO, stages: ANN_ARBOR, s5: 0.93, regimen: 'HODGKIN_PED', palliative: 0, fn: 0.1, other: [{ kind: 'RADIOTHERAPY', when: 'END', description: 'Radioterapia a sitios involucrados', doseGy: 19.8, fractions: 11, share: 0.3 }] },
  { key: 'hodgkin-mc', label: 'Linfoma de Hodgkin clásico, celularidad mixta', morphology: '9652', behaviour: 3, topographies: [['C77.0', 6], ['C77.2', 2], ['C77.3', 2]], weight: 1.5, ages: [[3, 10, 40], [10, 18, 60]], male: 0.7, basis: HISTO, stages: ANN_ARBOR, s5: 0.9, regimen: 'HODGKIN_PED', palliative: 0, fn: 0.1 },
  { key: 'burkitt', label: 'Linfoma de Burkitt', morphology: '9687', behaviour: 3, topographies: [['C77.2', 6], ['C18.0', 2], ['C77.0', 2]], weight: 2.5, ages: [[3, 12, 80], [12, 18, 20]], male: 0.75, basis: HISTO, stages: ['I', 'II', 'III', 'IV'], s5: 0.85, regimen: 'BURKITT', palliative: 0.01, fn: 0.4 },
  { key: 'dlbcl-ped', label: 'Linfoma difuso de células B grandes', morphology: '9680', behaviour: 3, topographies: [['C77.1', 3], ['C77.2', 3], ['C77.0', 2]], weight: 1, ages: [[8, 18, 1]], male: 0.6, basis: HISTO, stages: ['I', 'II', 'III', 'IV'], s5: 0.85, regimen: 'BURKITT', palliative: 0, fn: 0.35 },
  { key: 'lbl', label: 'Linfoma linfoblástico T', morphology: '9837', behaviour: 3, topographies: [['C38.3', 1]], weight: 1, ages: [[5, 18, 1]], male: 0.7, basis: HISTO, stages: ['III', 'IV'], s5: 0.8, regimen: 'ALL_BFM', palliative: 0, fn: 0.4 },
  { key: 'alcl', label: 'Linfoma anaplásico de células grandes', morphology: '9714', behaviour: 3, topographies: [['C77.0', 1], ['C77.2', 1]], weight: 0.5, ages: [[5, 18, 1]], male: 0.6, basis: HISTO, stages: ['II', 'III', 'IV'], s5: 0.75, regimen: 'BURKITT', palliative: 0, fn: 0.35 },
  // III CNS ≈ 12 %
  { key: 'pilocytic', label: 'Astrocitoma pilocítico', morphology: '9421', behaviour: 1, topographies: [['C71.6', 5], ['C71.0', 2], ['C72.3', 1], ['C71.7', 1]], weight: 4, ages: [[2, 15, 1]], male: 0.52, basis: [[7, 90], [2, 10]], s5: 0.95, regimen: 'LOW_GRADE_GLIOMA', chemoShare: 0.3, palliative: 0, fn: 0.05, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección tumoral (craneotomía)', subtype: 'Resección', share: 0.85 }] },
  { key: 'medullo', label: 'Meduloblastoma', morphology: '9470', behaviour: 3, topographies: [['C71.6', 1]], weight: 3, ages: [[1, 4, 25], [4, 10, 55], [10, 18, 20]], male: 0.62, basis: [[7, 100]], riskGroups: ['Riesgo estándar', 'Riesgo alto'], s5: 0.65, regimen: 'MEDULLOBLASTOMA', palliative: 0.03, fn: 0.2, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección de tumor de fosa posterior', subtype: 'Resección', share: 1 }, { kind: 'RADIOTHERAPY', when: 0, description: 'Radioterapia craneoespinal con sobreimpresión a fosa posterior', doseGy: 54, fractions: 30, share: 0.9 }] },
  { key: 'ependymoma', label: 'Ependimoma', morphology: '9391', behaviour: 3, topographies: [['C71.7', 5], ['C71.6', 3], ['C72.0', 2]], weight: 1.5, ages: [[0, 6, 70], [6, 18, 30]], male: 0.55, basis: [[7, 100]], s5: 0.7, regimen: null, palliative: 0.05, fn: 0, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección tumoral', subtype: 'Resección', share: 1 }, { kind: 'RADIOTHERAPY', when: 'END', description: 'Radioterapia conformal al lecho tumoral', doseGy: 59.4, fractions: 33, share: 0.8 }] },
  { key: 'gbm-ped', label: 'Glioblastoma', morphology: '9440', behaviour: 3, topographies: [['C71.1', 1], ['C71.2', 1], ['C71.0', 1]], weight: 1, ages: [[5, 18, 1]], male: 0.55, basis: [[7, 100]], s5: 0.15, regimen: 'TEMOZOLOMIDE', palliative: 0.3, fn: 0.05, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección tumoral', subtype: 'Resección', share: 0.8 }, { kind: 'RADIOTHERAPY', when: 0, description: 'Radioterapia focal', doseGy: 59.4, fractions: 33, share: 0.9 }] },
  { key: 'dipg', label: 'Glioma difuso de línea media (tallo cerebral)', morphology: '9380', behaviour: 3, topographies: [['C71.7', 1]], weight: 1.5, ages: [[4, 10, 1]], male: 0.5, basis: [[2, 70], [7, 30]], s5: 0.03, regimen: null, palliative: 0.6, fn: 0, other: [{ kind: 'RADIOTHERAPY', when: 'DX', description: 'Radioterapia focal a tallo cerebral', doseGy: 54, fractions: 30, share: 0.9 }] },
  { key: 'germinoma', label: 'Germinoma intracraneal', morphology: '9064', behaviour: 3, topographies: [['C75.3', 1]], weight: 0.5, ages: [[10, 18, 1]], male: 0.75, basis: [[7, 100]], s5: 0.9, regimen: 'PEB', palliative: 0, fn: 0.2, other: [{ kind: 'RADIOTHERAPY', when: 'END', description: 'Radioterapia ventricular', doseGy: 24, fractions: 15, share: 1 }] },
  { key: 'astro', label: 'Astrocitoma difuso', morphology: '9400', behaviour: 3, topographies: [['C71.0', 1], ['C71.1', 1]], weight: 0.5, ages: [[5, 18, 1]], male: 0.55, basis: [[7, 100]], s5: 0.6, regimen: 'LOW_GRADE_GLIOMA', chemoShare: 0.5, palliative: 0.05, fn: 0.05, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección tumoral', subtype: 'Resección', share: 0.9 }] },
  // IV Neuroblastoma
  { key: 'neuroblastoma', label: 'Neuroblastoma', morphology: '9500', behaviour: 3, topographies: [['C74.9', 6], ['C48.0', 2], ['C38.3', 1]], weight: 4, ages: [[0, 1, 35], [1, 5, 55], [5, 10, 10]], male: 0.55, basis: HISTO, riskGroups: ['Riesgo bajo', 'Riesgo intermedio', 'Riesgo alto'], s5: 0.6, regimen: 'NEUROBLASTOMA', palliative: 0.05, fn: 0.5, other: [{ kind: 'SURGERY', when: 4, description: 'Resección del tumor primario', subtype: 'Resección', share: 0.7 }, { kind: 'TRANSPLANT', when: 'END', description: 'Trasplante autólogo de células progenitoras hematopoyéticas', subtype: 'AUTOLOGOUS', share: 0.25 }] },
  // V Retinoblastoma
  { key: 'retinoblastoma', label: 'Retinoblastoma', morphology: '9510', behaviour: 3, topographies: [['C69.2', 1]], weight: 3.5, ages: [[0, 1, 45], [1, 3, 45], [3, 6, 10]], male: 0.5, basis: [[7, 70], [2, 30]], paired: true, stages: ['Grupo A', 'Grupo B', 'Grupo C', 'Grupo D', 'Grupo E'], s5: 0.88, regimen: 'RETINOBLASTOMA', chemoShare: 0.8, palliative: 0.02, fn: 0.2, other: [{ kind: 'SURGERY', when: 'DX', description: 'Enucleación', subtype: 'Enucleación', share: 0.45 }] },
  // VI Renal
  { key: 'wilms', label: 'Nefroblastoma (tumor de Wilms)', morphology: '8960', behaviour: 3, topographies: [['C64.9', 1]], weight: 4, ages: [[0, 2, 25], [2, 5, 55], [5, 10, 20]], male: 0.48, basis: HISTO, paired: true, stages: ['I', 'II', 'III', 'IV', 'V'], s5: 0.88, regimen: 'WILMS', palliative: 0.01, fn: 0.1, other: [{ kind: 'SURGERY', when: 2, description: 'Nefrectomía', subtype: 'Nefrectomía', share: 0.95 }] },
  // VII Hepatic
  { key: 'hepatoblastoma', label: 'Hepatoblastoma', morphology: '8970', behaviour: 3, topographies: [['C22.0', 1]], weight: 2, ages: [[0, 1, 40], [1, 3, 50], [3, 6, 10]], male: 0.6, basis: HISTO, stages: ['PRETEXT I', 'PRETEXT II', 'PRETEXT III', 'PRETEXT IV'], s5: 0.78, regimen: 'HEPATOBLASTOMA', palliative: 0.02, fn: 0.2, other: [{ kind: 'SURGERY', when: 4, description: 'Resección hepática', subtype: 'Hepatectomía', share: 0.85 }] },
  // VIII Bone
  { key: 'osteosarcoma', label: 'Osteosarcoma', morphology: '9180', behaviour: 3, topographies: [['C40.2', 6], ['C40.0', 2], ['C41.4', 1]], weight: 4, ages: [[8, 12, 25], [12, 18, 75]], male: 0.55, basis: HISTO, paired: true, stages: ['Localizado', 'Metastásico'], s5: 0.6, regimen: 'OSTEOSARCOMA', palliative: 0.05, fn: 0.35, other: [{ kind: 'SURGERY', when: 2, description: 'Cirugía de control local (salvamento de extremidad o amputación)', subtype: 'Salvamento de extremidad', share: 0.9 }] },
  { key: 'ewing', label: 'Sarcoma de Ewing', morphology: '9260', behaviour: 3, topographies: [['C41.4', 4], ['C40.2', 3], ['C41.3', 2]], weight: 2, ages: [[5, 10, 20], [10, 18, 80]], male: 0.58, basis: HISTO, stages: ['Localizado', 'Metastásico'], s5: 0.6, regimen: 'EWING', palliative: 0.05, fn: 0.45, other: [{ kind: 'SURGERY', when: 6, description: 'Resección del tumor primario', subtype: 'Resección', share: 0.6 }, { kind: 'RADIOTHERAPY', when: 6, description: 'Radioterapia de control local', doseGy: 55.8, fractions: 31, share: 0.4 }] },
  // IX Soft tissue
  { key: 'rms-embryonal', label: 'Rabdomiosarcoma embrionario', morphology: '8910', behaviour: 3, topographies: [['C49.0', 3], ['C69.6', 2], ['C57.9', 1], ['C76.0', 2]], weight: 2, ages: [[0, 5, 55], [5, 10, 30], [10, 18, 15]], male: 0.6, basis: HISTO, riskGroups: ['Riesgo bajo', 'Riesgo intermedio', 'Riesgo alto'], s5: 0.7, regimen: 'RMS', palliative: 0.03, fn: 0.35, other: [{ kind: 'RADIOTHERAPY', when: 4, description: 'Radioterapia al sitio primario', doseGy: 50.4, fractions: 28, share: 0.7 }] },
  { key: 'rms-alveolar', label: 'Rabdomiosarcoma alveolar', morphology: '8920', behaviour: 3, topographies: [['C49.1', 1], ['C49.2', 1]], weight: 1, ages: [[5, 18, 1]], male: 0.55, basis: HISTO, riskGroups: ['Riesgo intermedio', 'Riesgo alto'], s5: 0.45, regimen: 'RMS', palliative: 0.05, fn: 0.35 },
  // X Germ cell
  { key: 'yolk-sac', label: 'Tumor del seno endodérmico (saco vitelino)', morphology: '9071', behaviour: 3, topographies: [['C56.9', 4], ['C62.9', 4], ['C49.5', 2]], weight: 1.5, ages: [[0, 3, 50], [10, 18, 50]], male: 0.45, basis: HISTO, stages: ['I', 'II', 'III', 'IV'], s5: 0.88, regimen: 'PEB', chemoShare: 0.9, palliative: 0, fn: 0.3, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección del tumor (ooforectomía / orquiectomía)', subtype: 'Resección', share: 0.9 }] },
  { key: 'teratoma-malignant', label: 'Teratoma maligno inmaduro', morphology: '9080', behaviour: 3, topographies: [['C56.9', 1], ['C49.5', 1]], weight: 0.8, ages: [[0, 3, 40], [10, 18, 60]], male: 0.3, basis: HISTO, s5: 0.85, regimen: 'PEB', palliative: 0, fn: 0.25, other: [{ kind: 'SURGERY', when: 'DX', description: 'Resección del tumor', subtype: 'Resección', share: 1 }] },
  { key: 'germinoma-gonadal', label: 'Disgerminoma', morphology: '9060', behaviour: 3, topographies: [['C56.9', 1]], weight: 0.7, ages: [[10, 18, 1]], male: 0, basis: HISTO, s5: 0.95, regimen: 'PEB', palliative: 0, fn: 0.2, other: [{ kind: 'SURGERY', when: 'DX', description: 'Salpingooforectomía', subtype: 'Resección', share: 1 }] },
  // XI Epithelial / melanoma
  { key: 'thyroid-ped', label: 'Carcinoma papilar de tiroides', morphology: '8260', behaviour: 3, topographies: [['C73.9', 1]], weight: 1.5, ages: [[10, 18, 1]], male: 0.25, basis: HISTO, s5: 0.99, regimen: null, palliative: 0, fn: 0, other: [{ kind: 'SURGERY', when: 'DX', description: 'Tiroidectomía total', subtype: 'Tiroidectomía', share: 1 }, { kind: 'RADIOTHERAPY', when: 'END', description: 'Yodo radiactivo (I-131)', share: 0.7 }] },
  { key: 'npc', label: 'Carcinoma nasofaríngeo', morphology: '8070', behaviour: 3, topographies: [['C11.9', 1]], weight: 0.5, ages: [[10, 18, 1]], male: 0.65, basis: HISTO, stages: ['II', 'III', 'IV'], s5: 0.75, regimen: 'CISPLATIN_WEEKLY', palliative: 0.05, fn: 0.1, other: [{ kind: 'RADIOTHERAPY', when: 0, description: 'Radioterapia de intensidad modulada a nasofaringe', doseGy: 70, fractions: 33, share: 1 }] },
  { key: 'melanoma-ped', label: 'Melanoma maligno', morphology: '8720', behaviour: 3, topographies: [['C44.5', 1], ['C44.7', 1]], weight: 0.5, ages: [[10, 18, 1]], male: 0.5, basis: HISTO, s5: 0.9, regimen: null, palliative: 0, fn: 0, other: [{ kind: 'SURGERY', when: 'DX', description: 'Escisión amplia', subtype: 'Escisión', share: 1 }] },
];

const adultTx = (share: number, description: string, subtype: string, when: OtherTreatmentSpec['when'] = 'DX'): OtherTreatmentSpec => ({ kind: 'SURGERY', when, description, subtype, share });
const rt = (share: number, description: string, doseGy: number, fractions: number, when: OtherTreatmentSpec['when'] = 'END'): OtherTreatmentSpec => ({ kind: 'RADIOTHERAPY', when, description, doseGy, fractions, share });

export const ADULT_DIAGNOSES: readonly DxSpec[] = [
  { key: 'breast', label: 'Carcinoma ductal infiltrante de mama', morphology: '8500', behaviour: 3, topographies: [['C50.4', 5], ['C50.2', 2], ['C50.8', 2], ['C50.9', 1]], weight: 22, ages: [[25, 45, 25], [45, 60, 45], [60, 81, 30]], male: 0.01, basis: HISTO, paired: true, stages: TNM, s5: 0.82, regimen: 'AC_T', chemoShare: 0.75, palliative: 0.12, fn: 0.08, other: [adultTx(0.85, 'Mastectomía radical modificada', 'Mastectomía', 8), rt(0.6, 'Radioterapia adyuvante a pared torácica', 50, 25)] },
  { key: 'cervix', label: 'Carcinoma epidermoide del cuello uterino', morphology: '8070', behaviour: 3, topographies: [['C53.9', 1]], weight: 9, ages: [[25, 45, 40], [45, 65, 45], [65, 81, 15]], male: 0, basis: HISTO, stages: ['IB', 'IIA', 'IIB', 'IIIB', 'IVA'], s5: 0.65, regimen: 'CISPLATIN_WEEKLY', chemoShare: 0.85, palliative: 0.15, fn: 0.03, other: [rt(0.95, 'Radioterapia externa y braquiterapia', 50.4, 28, 0)] },
  { key: 'colon', label: 'Adenocarcinoma de colon', morphology: '8140', behaviour: 3, topographies: [['C18.7', 3], ['C18.2', 2], ['C18.0', 1], ['C20.9', 3]], weight: 10, ages: [[35, 50, 20], [50, 81, 80]], male: 0.52, basis: HISTO, stages: TNM, s5: 0.6, regimen: 'FOLFOX', chemoShare: 0.7, palliative: 0.25, fn: 0.05, other: [adultTx(0.8, 'Hemicolectomía / resección anterior baja', 'Resección', 'DX')] },
  { key: 'prostate', label: 'Adenocarcinoma de próstata', morphology: '8140', behaviour: 3, topographies: [['C61.9', 1]], weight: 8, ages: [[50, 65, 40], [65, 81, 60]], male: 1, basis: HISTO, stages: ['I', 'II', 'III', 'IV'], s5: 0.88, regimen: 'DOCETAXEL', chemoShare: 0.25, palliative: 0.3, fn: 0.03, other: [rt(0.5, 'Radioterapia externa a próstata', 78, 39, 'DX')] },
  { key: 'lung', label: 'Adenocarcinoma de pulmón', morphology: '8140', behaviour: 3, topographies: [['C34.1', 5], ['C34.3', 3], ['C34.9', 2]], weight: 5, ages: [[45, 60, 35], [60, 81, 65]], male: 0.58, basis: HISTO, stages: TNM, s5: 0.18, regimen: 'CARBO_PACLI', palliative: 0.6, fn: 0.05 },
  { key: 'stomach', label: 'Adenocarcinoma gástrico', morphology: '8140', behaviour: 3, topographies: [['C16.9', 1], ['C16.2', 1]], weight: 3, ages: [[40, 81, 1]], male: 0.55, basis: HISTO, stages: TNM, s5: 0.3, regimen: 'FLOT', palliative: 0.45, fn: 0.08, other: [adultTx(0.5, 'Gastrectomía', 'Gastrectomía', 4)] },
  { key: 'ovary', label: 'Carcinoma seroso de ovario', morphology: '8441', behaviour: 3, topographies: [['C56.9', 1]], weight: 3, ages: [[40, 81, 1]], male: 0, basis: HISTO, paired: true, stages: ['IC', 'IIB', 'IIIC', 'IV'], s5: 0.45, regimen: 'CARBO_PACLI', palliative: 0.2, fn: 0.06, other: [adultTx(0.85, 'Cirugía citorreductora', 'Citorreducción', 'DX')] },
  { key: 'endometrium', label: 'Adenocarcinoma endometrioide de endometrio', morphology: '8380', behaviour: 3, topographies: [['C54.1', 1]], weight: 3, ages: [[45, 81, 1]], male: 0, basis: HISTO, stages: ['IA', 'IB', 'II', 'IIIC'], s5: 0.8, regimen: 'CARBO_PACLI', chemoShare: 0.4, palliative: 0.1, fn: 0.04, other: [adultTx(1, 'Histerectomía total con salpingooforectomía bilateral', 'Histerectomía', 'DX')] },
  { key: 'thyroid', label: 'Carcinoma papilar de tiroides', morphology: '8260', behaviour: 3, topographies: [['C73.9', 1]], weight: 3, ages: [[20, 70, 1]], male: 0.2, basis: HISTO, s5: 0.97, regimen: null, palliative: 0, fn: 0, other: [adultTx(1, 'Tiroidectomía total', 'Tiroidectomía', 'DX'), { kind: 'RADIOTHERAPY', when: 'END', description: 'Yodo radiactivo (I-131)', share: 0.7 }] },
  { key: 'dlbcl', label: 'Linfoma difuso de células B grandes', morphology: '9680', behaviour: 3, topographies: [['C77.0', 3], ['C77.2', 2], ['C77.1', 2], ['C16.9', 1]], weight: 5, ages: [[18, 50, 35], [50, 81, 65]], male: 0.55, basis: HISTO, stages: ANN_ARBOR, s5: 0.62, regimen: 'RCHOP', palliative: 0.1, fn: 0.15 },
  { key: 'hodgkin-adult', label: 'Linfoma de Hodgkin clásico, esclerosis nodular', morphology: '9663', behaviour: 3, topographies: [['C77.1', 1], ['C77.0', 1]], weight: 2, ages: [[18, 35, 70], [35, 70, 30]], male: 0.55, basis: HISTO, stages: ANN_ARBOR, s5: 0.86, regimen: 'ABVD', palliative: 0.02, fn: 0.1 },
  { key: 'follicular', label: 'Linfoma folicular', morphology: '9690', behaviour: 3, topographies: [['C77.0', 1], ['C77.2', 1]], weight: 1, ages: [[40, 81, 1]], male: 0.5, basis: HISTO, stages: ANN_ARBOR, s5: 0.85, regimen: 'RCHOP', chemoShare: 0.7, palliative: 0.1, fn: 0.1 },
  { key: 'myeloma', label: 'Mieloma múltiple', morphology: '9732', behaviour: 3, topographies: [['C42.1', 1]], weight: 2, ages: [[45, 81, 1]], male: 0.55, basis: HEMATO, stages: ['ISS I', 'ISS II', 'ISS III'], s5: 0.5, regimen: 'VRD', palliative: 0.1, fn: 0.05, other: [{ kind: 'TRANSPLANT', when: 'END', description: 'Trasplante autólogo de células progenitoras hematopoyéticas', subtype: 'AUTOLOGOUS', share: 0.2 }] },
  { key: 'aml-adult', label: 'Leucemia mieloide aguda', morphology: '9861', behaviour: 3, topographies: [['C42.1', 1]], weight: 4, ages: [[18, 60, 55], [60, 81, 45]], male: 0.55, basis: HEMATO, s5: 0.28, regimen: 'SEVEN_THREE', palliative: 0.2, fn: 0.7, other: [{ kind: 'TRANSPLANT', when: 'END', description: 'Trasplante alogénico de células progenitoras hematopoyéticas', subtype: 'ALLOGENEIC', share: 0.15 }] },
  { key: 'all-adult', label: 'Leucemia linfoblástica aguda de precursores B', morphology: '9811', behaviour: 3, topographies: [['C42.1', 1]], weight: 3, ages: [[18, 35, 70], [35, 70, 30]], male: 0.55, basis: HEMATO, riskGroups: ['Riesgo estándar', 'Riesgo alto'], s5: 0.4, regimen: 'HYPER_CVAD', palliative: 0.05, fn: 0.6 },
  { key: 'cml-adult', label: 'Leucemia mieloide crónica BCR-ABL1 positiva', morphology: '9875', behaviour: 3, topographies: [['C42.1', 1]], weight: 2, ages: [[25, 75, 1]], male: 0.55, basis: HEMATO, s5: 0.88, regimen: 'CML', palliative: 0, fn: 0.02 },
  { key: 'cll', label: 'Leucemia linfocítica crónica', morphology: '9823', behaviour: 3, topographies: [['C42.1', 1]], weight: 1, ages: [[50, 81, 1]], male: 0.6, basis: HEMATO, stages: ['Binet A', 'Binet B', 'Binet C'], s5: 0.8, regimen: 'FCR', chemoShare: 0.6, palliative: 0.05, fn: 0.1 },
  { key: 'seminoma', label: 'Seminoma', morphology: '9061', behaviour: 3, topographies: [['C62.9', 1]], weight: 2, ages: [[18, 45, 1]], male: 1, basis: HISTO, paired: true, stages: ['I', 'II', 'III'], s5: 0.95, regimen: 'PEB', chemoShare: 0.5, palliative: 0, fn: 0.15, other: [adultTx(1, 'Orquiectomía radical', 'Orquiectomía', 'DX')] },
  { key: 'gbm', label: 'Glioblastoma', morphology: '9440', behaviour: 3, topographies: [['C71.1', 1], ['C71.2', 1], ['C71.0', 1]], weight: 2, ages: [[35, 81, 1]], male: 0.6, basis: [[7, 100]], s5: 0.07, regimen: 'TEMOZOLOMIDE', palliative: 0.4, fn: 0.03, other: [adultTx(0.8, 'Resección tumoral (craneotomía)', 'Resección', 'DX'), rt(0.85, 'Radioterapia focal con temozolomida concomitante', 60, 30, 0)] },
  { key: 'rcc', label: 'Carcinoma de células renales', morphology: '8312', behaviour: 3, topographies: [['C64.9', 1]], weight: 2, ages: [[40, 81, 1]], male: 0.62, basis: HISTO, paired: true, stages: TNM, s5: 0.7, regimen: null, palliative: 0.2, fn: 0, other: [adultTx(0.9, 'Nefrectomía radical', 'Nefrectomía', 'DX')] },
  { key: 'hcc', label: 'Carcinoma hepatocelular', morphology: '8170', behaviour: 3, topographies: [['C22.0', 1]], weight: 1, ages: [[45, 81, 1]], male: 0.6, basis: [[7, 60], [2, 40]], stages: ['BCLC A', 'BCLC B', 'BCLC C'], s5: 0.18, regimen: 'SORAFENIB', palliative: 0.75, fn: 0.02 },
  { key: 'pancreas', label: 'Adenocarcinoma de páncreas', morphology: '8500', behaviour: 3, topographies: [['C25.0', 1], ['C25.9', 1]], weight: 1, ages: [[45, 81, 1]], male: 0.5, basis: HISTO, stages: TNM, s5: 0.08, regimen: 'GEMCITABINE', palliative: 0.75, fn: 0.05 },
  { key: 'bladder', label: 'Carcinoma urotelial de vejiga', morphology: '8120', behaviour: 3, topographies: [['C67.9', 1]], weight: 1, ages: [[50, 81, 1]], male: 0.75, basis: HISTO, stages: TNM, s5: 0.6, regimen: 'GEMCITABINE', chemoShare: 0.5, palliative: 0.2, fn: 0.05, other: [adultTx(0.7, 'Resección transuretral / cistectomía', 'Cistectomía', 'DX')] },
  { key: 'sarcoma-adult', label: 'Sarcoma de tejidos blandos', morphology: '8800', behaviour: 3, topographies: [['C49.2', 1], ['C49.1', 1], ['C48.0', 1]], weight: 1, ages: [[18, 81, 1]], male: 0.55, basis: HISTO, stages: ['II', 'III', 'IV'], s5: 0.55, regimen: 'DOXO_IFO', palliative: 0.2, fn: 0.2, other: [adultTx(0.8, 'Resección amplia', 'Resección', 3)] },
  { key: 'osteosarcoma-ya', label: 'Osteosarcoma', morphology: '9180', behaviour: 3, topographies: [['C40.2', 1]], weight: 0.5, ages: [[18, 30, 1]], male: 0.6, basis: HISTO, paired: true, stages: ['Localizado', 'Metastásico'], s5: 0.55, regimen: 'OSTEOSARCOMA', palliative: 0.1, fn: 0.3, other: [adultTx(0.9, 'Cirugía de salvamento de extremidad', 'Salvamento de extremidad', 2)] },
  { key: 'melanoma', label: 'Melanoma maligno', morphology: '8720', behaviour: 3, topographies: [['C44.7', 1], ['C44.5', 1]], weight: 1, ages: [[30, 81, 1]], male: 0.5, basis: HISTO, stages: TNM, s5: 0.7, regimen: null, palliative: 0.15, fn: 0, other: [adultTx(1, 'Escisión amplia con ganglio centinela', 'Escisión', 'DX')] },
];

// ----------------------------------------------------------------------- clinical wording

export const TRACE_REASONS = [
  'La familia no tiene recursos para trasladarse a la unidad',
  'La familia decidió suspender el tratamiento',
  'Cambio de domicilio; no se localiza',
  'Atención con medicina alternativa',
  'Teléfono sin respuesta; se envió trabajo social',
];

export const SUSPECT_TRACE_REASONS = [
  'Cita reprogramada por hospitalización en otra unidad',
  'Espera de resultados de estudios de extensión',
  'Diferimiento por cuenta de neutrófilos baja',
  'Madre confirma cita la próxima semana',
];

export const TRAINING_TOPICS = [
  'Registro de pacientes en la APO',
  'Captura de quimioterapias y seguimiento',
  'Censo integral y avance de registro',
  'Rastreo de abandono de tratamiento',
  'Importación de pacientes desde hojas de cálculo',
  'Neutropenia febril: hora dorada y registro de complicaciones',
  'Carnet digital y ChatBot para madres y padres',
];
