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
  'conduct.timeline_viewed': 'Viewed the evidence timeline',
  'conduct.incident_viewed': 'Viewed an incident',
  'conduct.incident_created': 'Logged an incident',
  'conduct.incident_updated': 'Edited an incident',
  'conduct.status_changed': 'Changed an incident’s status',
  'conduct.attachment_uploaded': 'Uploaded evidence',
  'conduct.attachment_viewed': 'Opened an evidence file',
  'conduct.attachments_listed': 'Listed evidence files',
  'conduct.agent_created': 'Added a person acting for the employer',
  'conduct.provision_created': 'Added a legal provision',
  'export.conduct_chronology': 'Exported the conduct chronology',
  'export.conduct_exhibits': 'Exported the exhibits',
  'filing.previewed': 'Previewed a filing packet',
  'filing.generated': 'Generated a filing packet',
  'cards.verified': 'Checked the card hashes',
};

export function describeAction(action: string): string {
  return auditActionLabels[action] ?? action;
}
