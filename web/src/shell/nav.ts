/** The sections of the app and the permission each needs (from user.permissions). */
export interface NavItem {
  to: string;
  label: 'nav.home' | 'nav.patients' | 'nav.worklists' | 'nav.registry' | 'nav.import' | 'nav.units' | 'nav.users' | 'nav.roles' | 'nav.audit';
  /** Paths under `to` that belong to another entry (not highlighted here). */
  except?: string[];
  permission?: string;
  end?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/pacientes', label: 'nav.patients', permission: 'patients.read', except: ['/pacientes/importar'] },
  { to: '/pendientes', label: 'nav.worklists', permission: 'patients.read' },
  { to: '/registro', label: 'nav.registry', permission: 'registry.progress' },
  { to: '/pacientes/importar', label: 'nav.import', permission: 'patients.import' },
  { to: '/unidades', label: 'nav.units', permission: 'units.read' },
  { to: '/usuarios', label: 'nav.users', permission: 'users.manage' },
  { to: '/roles', label: 'nav.roles', permission: 'users.manage' },
  { to: '/bitacora', label: 'nav.audit', permission: 'audit.read' },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => !i.permission || permissions.includes(i.permission));
}
