/** The sections of the app and the permission each needs (from user.permissions). */
export interface NavItem {
  to: string;
  label: 'nav.home' | 'nav.patients' | 'nav.worklists' | 'nav.registry' | 'nav.units' | 'nav.users' | 'nav.roles' | 'nav.audit';
  permission?: string;
  end?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/pacientes', label: 'nav.patients', permission: 'patients.read' },
  { to: '/unidades', label: 'nav.units', permission: 'units.read' },
  { to: '/usuarios', label: 'nav.users', permission: 'users.manage' },
  { to: '/roles', label: 'nav.roles', permission: 'users.manage' },
  { to: '/bitacora', label: 'nav.audit', permission: 'audit.read' },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => !i.permission || permissions.includes(i.permission));
}
