// Plain-language names of audit actions. A capability that writes a new action adds it here;
// unknown actions are shown by their code.
export const auditActionLabels: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in',
  'auth.logout': 'Signed out',
  'auth.logout_all': 'Signed out everywhere',
  'auth.password_reset_requested': 'Asked for a password reset',
  'auth.password_set': 'Set their first password',
  'auth.password_reset': 'Reset their password',
  'account.created': 'Account created',
  'member.role_changed': 'Role changed',
  'people.list_viewed': 'Viewed the roster',
  'export.roster': 'Exported the roster',
  'outbox.viewed': 'Read the outbox',
};

export function describeAction(action: string): string {
  return auditActionLabels[action] ?? action;
}
