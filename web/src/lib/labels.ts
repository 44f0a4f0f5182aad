import type { TFunction } from 'i18next';

/** Spanish name of a role key; custom roles (data, not code) fall back to the name the server gave or the key. */
export function roleName(t: TFunction, key: string, serverName?: string): string {
  const k = `roleNames.${key}`;
  return t(k as never, { defaultValue: serverName ?? key }) as string;
}

export function auditActionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}` as never, { defaultValue: action }) as string;
}

export function auditEntityLabel(t: TFunction, entity: string): string {
  if (entity.startsWith('api:')) return `${t('audit.entities.api')} ${entity.slice(4)}`;
  return t(`audit.entities.${entity}` as never, { defaultValue: entity }) as string;
}
