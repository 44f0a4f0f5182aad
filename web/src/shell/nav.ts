/** The sections of the app and the permission each needs (from user.permissions). */
export interface NavItem {
  to: string;
  label:
    | 'nav.home'
    | 'nav.patients'
    | 'nav.worklists'
    | 'nav.registry'
    | 'nav.import'
    | 'nav.units'
    | 'nav.users'
    | 'nav.roles'
    | 'nav.audit'
    | 'meetings.nav.meetings'
    | 'meetings.nav.cases'
    | 'meetings.nav.agreements'
    | 'meetings.nav.figures'
    | 'whatsapp.nav.whatsapp';
  /** Paths under `to` that belong to another entry (not highlighted here). */
  except?: string[];
  /** Needed permission; with a list, any one of them. */
  permission?: string | readonly string[];
  end?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/pacientes', label: 'nav.patients', permission: 'patients.read', except: ['/pacientes/importar'] },
  { to: '/pendientes', label: 'nav.worklists', permission: 'patients.read' },
  { to: '/registro', label: 'nav.registry', permission: 'registry.progress' },
  { to: '/pacientes/importar', label: 'nav.import', permission: 'patients.import' },
  { to: '/reuniones', label: 'meetings.nav.meetings', permission: 'meetings.read', except: ['/reuniones/cifras'] },
  { to: '/casos', label: 'meetings.nav.cases', permission: ['cases.read', 'cases.follow', 'meetings.manage'] },
  { to: '/acuerdos', label: 'meetings.nav.agreements', permission: 'meetings.read' },
  { to: '/reuniones/cifras', label: 'meetings.nav.figures', permission: 'meetings.read' },
  // One entry for the ChatBot (inbox, simulator, figures, flows as tabs inside the section).
  { to: '/whatsapp', label: 'whatsapp.nav.whatsapp', permission: ['whatsapp.inbox', 'whatsapp.figures', 'whatsapp.manage'] },
  { to: '/unidades', label: 'nav.units', permission: 'units.read' },
  { to: '/usuarios', label: 'nav.users', permission: 'users.manage' },
  { to: '/roles', label: 'nav.roles', permission: 'users.manage' },
  { to: '/bitacora', label: 'nav.audit', permission: 'audit.read' },
];

/** True when the permissions include `needed` (a list: any one of it). */
export function allows(permissions: readonly string[], needed: string | readonly string[] | undefined): boolean {
  if (!needed) return true;
  return typeof needed === 'string' ? permissions.includes(needed) : needed.some((p) => permissions.includes(p));
}

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => allows(permissions, i.permission));
}
