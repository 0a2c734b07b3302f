/** Small wording helpers for the shell: each role's name and what it can do, in the page's language. */
import type { IntlShape } from 'react-intl';
import type { Role } from '../state/types';

/** The role's name ("Facilitator", "Facilitatore"). */
export function roleName(intl: IntlShape, role: Role): string {
  return intl.formatMessage({ id: `shell.role.${role}.name` });
}

/** What the role can do, in one line. */
export function roleCan(intl: IntlShape, role: Role): string {
  return intl.formatMessage({ id: `shell.role.${role}.can` });
}
