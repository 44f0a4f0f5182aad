/**
 * The catalogue of permissions the code checks. Roles (rows in `roles`) grant any subset of them;
 * a new module adds its permissions here and grants them to roles in data, not in code branches.
 */
export const PERMISSIONS = {
  'units.read': 'Consultar el catálogo de unidades médicas',
  'units.manage': 'Dar de alta, editar y desactivar unidades médicas',
  'users.manage': 'Administrar cuentas de usuario: alta, baja, roles, unidades y contraseñas',
  'roles.manage': 'Crear roles y cambiar sus permisos',
  'audit.read': 'Consultar la bitácora de accesos y cambios',
  'patients.read': 'Consultar pacientes de sus unidades y su expediente en el registro',
  'patients.write': 'Registrar pacientes y capturar diagnóstico, tratamiento y seguimiento',
  'patients.merge': 'Fusionar registros duplicados de un mismo paciente',
  'patients.import': 'Importar pacientes desde hojas de cálculo',
  'patients.export': 'Exportar los datos de pacientes de sus unidades',
  'registry.progress': 'Consultar el avance de registro y los tableros del registro',
  'registry.census': 'Capturar el censo integral y las capacitaciones de las unidades',
  'meetings.read': 'Consultar las reuniones semanales con las familias: orden del día, acuerdos, minutas y cifras',
  'meetings.manage': 'Programar y conducir las reuniones semanales: asistencia, casos, acuerdos, minuta y boletín',
  'cases.read': 'Consultar los casos específicos de los pacientes de sus unidades',
  'cases.write': 'Registrar casos específicos de sus unidades y anotar su seguimiento',
  'cases.follow': 'Dar seguimiento a los casos específicos asignados a su nombre',
  'whatsapp.inbox': 'Atender conversaciones del ChatBot de WhatsApp: bandeja, historial y respuestas a familias',
  'whatsapp.manage': 'Editar y publicar los flujos del ChatBot de WhatsApp',
  'whatsapp.figures': 'Consultar las cifras del ChatBot de WhatsApp',
  'supply.read': 'Consultar las solicitudes de medicamentos e insumos de sus unidades',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

export interface BuiltInRole {
  key: string;
  name: string;
  description: string;
  scope: 'ALL_UNITS' | 'ASSIGNED_UNITS' | 'OWN_FAMILY' | 'NONE';
  permissions: Permission[];
}

/** Roles every installation starts with (design.md, "Roles"). Admins may change their permissions. */
export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    key: 'admin',
    name: 'Administración',
    description: 'Administra cuentas, roles, unidades y consulta la bitácora.',
    scope: 'ALL_UNITS',
    permissions: ['units.read', 'units.manage', 'users.manage', 'roles.manage', 'audit.read', 'registry.progress', 'registry.census'],
  },
  {
    key: 'national_coordination',
    name: 'Coordinación nacional',
    description: 'Da seguimiento a todas las unidades de la red.',
    scope: 'ALL_UNITS',
    permissions: ['units.read', 'patients.read', 'patients.merge', 'patients.export', 'registry.progress', 'registry.census', 'meetings.read', 'meetings.manage', 'cases.read', 'cases.write', 'whatsapp.inbox', 'whatsapp.manage', 'whatsapp.figures', 'supply.read'],
  },
  { key: 'physician', name: 'Médico(a)', description: 'Personal médico de una unidad.', scope: 'ASSIGNED_UNITS', permissions: ['units.read', 'patients.read', 'patients.write', 'patients.merge', 'patients.import', 'patients.export', 'registry.progress', 'meetings.read', 'cases.read', 'cases.write', 'supply.read'] },
  { key: 'nurse', name: 'Enfermería', description: 'Personal de enfermería de una unidad.', scope: 'ASSIGNED_UNITS', permissions: ['units.read', 'patients.read', 'patients.write', 'registry.progress', 'meetings.read', 'cases.read', 'cases.write'] },
  { key: 'blood_bank', name: 'Banco de sangre', description: 'Personal del banco de sangre y del servicio de transfusión.', scope: 'ASSIGNED_UNITS', permissions: ['units.read'] },
  { key: 'pharmacy', name: 'Farmacia y abasto', description: 'Personal de farmacia y abasto de medicamentos.', scope: 'ASSIGNED_UNITS', permissions: ['units.read', 'supply.read'] },
  { key: 'social_work', name: 'Trabajo social', description: 'Personal de trabajo social de una unidad.', scope: 'ASSIGNED_UNITS', permissions: ['units.read', 'patients.read', 'registry.progress', 'meetings.read', 'cases.read', 'cases.write', 'whatsapp.inbox', 'supply.read'] },
  { key: 'call_center', name: 'Centro de atención telefónica', description: 'Atiende a familias y donantes por teléfono y por WhatsApp.', scope: 'ALL_UNITS', permissions: ['units.read', 'cases.read', 'cases.write', 'whatsapp.inbox'] },
  {
    key: 'official',
    name: 'Funcionario(a) responsable',
    description: 'Funcionario que participa en las reuniones semanales y da seguimiento a los casos y acuerdos a su cargo.',
    scope: 'NONE',
    permissions: ['units.read', 'meetings.read', 'cases.follow'],
  },
  { key: 'guardian', name: 'Madre, padre o tutor', description: 'Ve solo la información de sus propias hijas e hijos.', scope: 'OWN_FAMILY', permissions: [] },
  { key: 'donor', name: 'Donante', description: 'Agenda y consulta sus citas de donación.', scope: 'NONE', permissions: [] },
];
