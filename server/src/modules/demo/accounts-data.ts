/** One demo account per built-in role (README, "Cuentas de demostración"). Demo only. */
export const DEMO_PASSWORD = 'admin-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  /** CLUES of the units the account belongs to. */
  units: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Administración del sistema', role: 'admin', units: [] },
  { username: 'coordinacion', displayName: 'Coordinación Nacional de Oncología', role: 'national_coordination', units: [] },
  { username: 'medico', displayName: 'Médica oncóloga pediatra (Pediatría CMN Siglo XXI)', role: 'physician', units: ['DFIMS000616'] },
  { username: 'medico.laraza', displayName: 'Médico hematólogo pediatra (HG CMN La Raza)', role: 'physician', units: ['DFIMS000061'] },
  { username: 'enfermeria', displayName: 'Enfermera jefa de servicio (HG CMN La Raza)', role: 'nurse', units: ['DFIMS000061'] },
  { username: 'bancosangre', displayName: 'Responsable del banco de sangre (HG CMN La Raza)', role: 'blood_bank', units: ['DFIMS000061'] },
  { username: 'farmacia', displayName: 'Jefe de farmacia (HGZ 1 San Luis Potosí)', role: 'pharmacy', units: ['SPIMS000026'] },
  { username: 'trabajosocial', displayName: 'Trabajadora social (Pediatría CMN Siglo XXI)', role: 'social_work', units: ['DFIMS000616'] },
  { username: 'funcionario', displayName: 'Coordinación Nacional de Oncología (funcionario responsable de casos)', role: 'official', units: [] },
  { username: 'callcenter', displayName: 'Agente del centro de atención telefónica', role: 'call_center', units: [] },
  { username: 'tutor', displayName: 'Madre de familia (cuenta de demostración)', role: 'guardian', units: [] },
  { username: 'donante', displayName: 'Donante altruista (cuenta de demostración)', role: 'donor', units: [] },
];
