/**
 * The 47 units of the network at the start (14 UMAE + 33 second-level hospitals, seed 001),
 * including every hospital the seeds name. The CLUES of the seven UMAE marked † follow the DGIS
 * catalogue as cited in reference/registry-and-domain.md §3.4; the others are synthetic codes in
 * the right format (demo data: replace with the DGIS catalogue before production).
 */
export interface DemoUnit {
  clues: string;
  name: string;
  shortName: string;
  level: 'UMAE' | 'SECOND_LEVEL';
  state: string;
  delegation: string;
  isOncocrean: boolean;
  activeFrom: string;
}

const U = (clues: string, name: string, shortName: string, state: string, delegation: string, isOncocrean = false): DemoUnit => ({
  clues, name, shortName, level: 'UMAE', state, delegation, isOncocrean, activeFrom: '2020-11-05',
});
const S = (clues: string, name: string, shortName: string, state: string, delegation: string, isOncocrean = false, activeFrom = '2020-11-05'): DemoUnit => ({
  clues, name, shortName, level: 'SECOND_LEVEL', state, delegation, isOncocrean, activeFrom,
});

export const DEMO_UNITS: DemoUnit[] = [
  // 14 Unidades Médicas de Alta Especialidad
  U('DFIMS000616', 'UMAE Hospital de Pediatría "Dr. Silvestre Frenk Freund", Centro Médico Nacional Siglo XXI', 'Pediatría CMN Siglo XXI', 'Ciudad de México', 'CDMX Sur'), // †
  U('DFIMS000061', 'UMAE Hospital General "Dr. Gaudencio González Garza", Centro Médico Nacional La Raza', 'HG CMN La Raza', 'Ciudad de México', 'CDMX Norte'), // †
  U('DFIMS000604', 'UMAE Hospital de Oncología, Centro Médico Nacional Siglo XXI', 'Oncología CMN Siglo XXI', 'Ciudad de México', 'CDMX Sur'), // †
  U('JCIMS000325', 'UMAE Hospital de Pediatría, Centro Médico Nacional de Occidente', 'Pediatría CMN Occidente', 'Jalisco', 'Jalisco'), // †
  U('NLIMS000303', 'UMAE Hospital de Especialidades No. 25, Centro Médico Nacional del Noreste', 'HE 25 Monterrey', 'Nuevo León', 'Nuevo León'), // †
  U('YNIMS000071', 'UMAE Hospital de Especialidades "Lic. Ignacio García Téllez", Centro Médico Nacional Mérida', 'HE CMN Mérida', 'Yucatán', 'Yucatán', true), // †
  U('SRIMS000150', 'UMAE Hospital de Especialidades No. 2 "Lic. Luis Donaldo Colosio Murrieta", CMN del Noroeste', 'HE 2 CMN Noroeste', 'Sonora', 'Sonora'), // †
  U('PLIMS000412', 'UMAE Hospital de Especialidades, Centro Médico Nacional "Manuel Ávila Camacho"', 'HE CMN Puebla', 'Puebla', 'Puebla'),
  U('VZIMS000733', 'UMAE Hospital de Especialidades No. 14, Centro Médico Nacional "Adolfo Ruiz Cortines"', 'HE 14 Veracruz', 'Veracruz', 'Veracruz Norte'),
  U('GTIMS000254', 'UMAE Hospital de Gineco-Pediatría No. 48, Centro Médico Nacional del Bajío', 'HGP 48 León', 'Guanajuato', 'Guanajuato'),
  U('GTIMS000261', 'UMAE Hospital de Especialidades No. 1, Centro Médico Nacional del Bajío', 'HE 1 CMN Bajío', 'Guanajuato', 'Guanajuato'),
  U('CLIMS000183', 'UMAE Hospital de Especialidades No. 71, Torreón', 'HE 71 Torreón', 'Coahuila', 'Coahuila'),
  U('JCIMS000332', 'UMAE Hospital de Especialidades, Centro Médico Nacional de Occidente', 'HE CMN Occidente', 'Jalisco', 'Jalisco'),
  U('DFIMS000074', 'UMAE Hospital de Especialidades "Dr. Antonio Fraga Mouret", Centro Médico Nacional La Raza', 'HE CMN La Raza', 'Ciudad de México', 'CDMX Norte'),
  // 33 hospitals of the second level
  S('CCIMS000012', 'Hospital General de Zona No. 1 "Dr. Abraham Azar Farah", Campeche', 'HGZ 1 Campeche', 'Campeche', 'Campeche', true),
  S('SPIMS000026', 'Hospital General de Zona No. 1, San Luis Potosí', 'HGZ 1 San Luis Potosí', 'San Luis Potosí', 'San Luis Potosí', true),
  S('CHIMS000671', 'Hospital General Regional No. 66, Ciudad Juárez', 'HGR 66 Cd. Juárez', 'Chihuahua', 'Chihuahua', true),
  S('BCIMS000044', 'Hospital General Regional No. 1, Tijuana', 'HGR 1 Tijuana', 'Baja California', 'Baja California', true),
  S('SRIMS000091', 'Hospital General Regional No. 1, Ciudad Obregón', 'HGR 1 Cd. Obregón', 'Sonora', 'Sonora'),
  S('CHIMS000016', 'Hospital General Regional No. 1 "Unidad Morelos", Chihuahua', 'HGR 1 Chihuahua', 'Chihuahua', 'Chihuahua', true),
  S('ASIMS000015', 'Hospital General de Zona No. 1, Aguascalientes', 'HGZ 1 Aguascalientes', 'Aguascalientes', 'Aguascalientes', true),
  S('BSIMS000022', 'Hospital General de Zona No. 1, La Paz', 'HGZ 1 La Paz', 'Baja California Sur', 'Baja California Sur', true),
  S('BCIMS000305', 'Hospital General de Zona No. 30, Mexicali', 'HGZ 30 Mexicali', 'Baja California', 'Baja California'),
  S('CLIMS000023', 'Hospital General de Zona No. 1, Saltillo', 'HGZ 1 Saltillo', 'Coahuila', 'Coahuila', true),
  S('CMIMS000011', 'Hospital General de Zona No. 1, Colima', 'HGZ 1 Colima', 'Colima', 'Colima', true),
  S('CSIMS000025', 'Hospital General de Zona No. 2, Tuxtla Gutiérrez', 'HGZ 2 Tuxtla Gutiérrez', 'Chiapas', 'Chiapas', true),
  S('DFIMS000210', 'Hospital General Regional No. 2 "Villa Coapa"', 'HGR 2 Villa Coapa', 'Ciudad de México', 'CDMX Sur'),
  S('DGIMS000013', 'Hospital General de Zona No. 1, Durango', 'HGZ 1 Durango', 'Durango', 'Durango', true),
  S('GRIMS000064', 'Hospital General Regional No. 1 "Vicente Guerrero", Acapulco', 'HGR 1 Acapulco', 'Guerrero', 'Guerrero', true),
  S('HGIMS000019', 'Hospital General de Zona No. 1, Pachuca', 'HGZ 1 Pachuca', 'Hidalgo', 'Hidalgo', true),
  S('JCIMS000466', 'Hospital General Regional No. 46, Guadalajara', 'HGR 46 Guadalajara', 'Jalisco', 'Jalisco'),
  S('MCIMS000726', 'Hospital General Regional No. 72, Tlalnepantla', 'HGR 72 Tlalnepantla', 'Estado de México', 'México Oriente'),
  S('MCIMS002515', 'Hospital General Regional No. 251, Metepec', 'HGR 251 Metepec', 'Estado de México', 'México Poniente', true),
  S('MNIMS000014', 'Hospital General Regional No. 1, Morelia', 'HGR 1 Morelia', 'Michoacán', 'Michoacán', true),
  S('MSIMS000012', 'Hospital General Regional No. 1, Cuernavaca', 'HGR 1 Cuernavaca', 'Morelos', 'Morelos', true),
  S('NTIMS000017', 'Hospital General de Zona No. 1, Tepic', 'HGZ 1 Tepic', 'Nayarit', 'Nayarit', true),
  S('OCIMS000018', 'Hospital General de Zona No. 1, Oaxaca', 'HGZ 1 Oaxaca', 'Oaxaca', 'Oaxaca', true),
  S('PLIMS000205', 'Hospital General de Zona No. 20, Puebla', 'HGZ 20 Puebla', 'Puebla', 'Puebla'),
  S('QTIMS000013', 'Hospital General Regional No. 1, Querétaro', 'HGR 1 Querétaro', 'Querétaro', 'Querétaro', true),
  S('QRIMS000171', 'Hospital General Regional No. 17, Cancún', 'HGR 17 Cancún', 'Quintana Roo', 'Quintana Roo', true),
  S('SLIMS000011', 'Hospital General Regional No. 1, Culiacán', 'HGR 1 Culiacán', 'Sinaloa', 'Sinaloa', true),
  S('TCIMS000466', 'Hospital General de Zona No. 46, Villahermosa', 'HGZ 46 Villahermosa', 'Tabasco', 'Tabasco', true),
  S('TSIMS002704', 'Hospital General Regional No. 270, Reynosa', 'HGR 270 Reynosa', 'Tamaulipas', 'Tamaulipas', true),
  S('TLIMS000017', 'Hospital General de Zona No. 1, Tlaxcala', 'HGZ 1 Tlaxcala', 'Tlaxcala', 'Tlaxcala', true),
  S('VZIMS000118', 'Hospital General de Zona No. 11, Xalapa', 'HGZ 11 Xalapa', 'Veracruz', 'Veracruz Norte', true),
  S('VZIMS000365', 'Hospital General Regional No. 36, Orizaba', 'HGR 36 Orizaba', 'Veracruz', 'Veracruz Sur'),
  S('ZSIMS000016', 'Hospital General de Zona No. 1, Zacatecas', 'HGZ 1 Zacatecas', 'Zacatecas', 'Zacatecas', true),
];
