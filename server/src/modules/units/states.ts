/** The 32 federal entities of Mexico (INEGI names) with the two-letter code CLUES and CURP use. */
export const STATES = [
  ['AS', 'Aguascalientes'], ['BC', 'Baja California'], ['BS', 'Baja California Sur'], ['CC', 'Campeche'],
  ['CL', 'Coahuila'], ['CM', 'Colima'], ['CS', 'Chiapas'], ['CH', 'Chihuahua'], ['DF', 'Ciudad de México'],
  ['DG', 'Durango'], ['GT', 'Guanajuato'], ['GR', 'Guerrero'], ['HG', 'Hidalgo'], ['JC', 'Jalisco'],
  ['MC', 'Estado de México'], ['MN', 'Michoacán'], ['MS', 'Morelos'], ['NT', 'Nayarit'], ['NL', 'Nuevo León'],
  ['OC', 'Oaxaca'], ['PL', 'Puebla'], ['QT', 'Querétaro'], ['QR', 'Quintana Roo'], ['SP', 'San Luis Potosí'],
  ['SL', 'Sinaloa'], ['SR', 'Sonora'], ['TC', 'Tabasco'], ['TS', 'Tamaulipas'], ['TL', 'Tlaxcala'],
  ['VZ', 'Veracruz'], ['YN', 'Yucatán'], ['ZS', 'Zacatecas'],
] as const;

export const STATE_NAMES = STATES.map(([, name]) => name) as unknown as readonly [string, ...string[]];
export const stateCode = (name: string) => STATES.find(([, n]) => n === name)?.[0];
