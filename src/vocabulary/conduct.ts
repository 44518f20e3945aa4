// The employer-conduct log's words: kinds of conduct, incident statuses, who acted.

export const conductKinds = [
  'captive_audience',
  'one_on_one_pressure',
  'misleading_literature',
  'interrogation',
  'surveillance',
  'threat',
  'promise_of_benefit',
  'denial_of_access',
  'blocking_email',
  'soliciting_parents',
  'discipline',
  'other',
] as const;
export const incidentStatuses = ['documented', 'shared_with_counsel', 'charge_filed', 'settled', 'decided'] as const;
export const agentRoles = ['principal', 'administrator', 'network_executive', 'attorney', 'consultant', 'other'] as const;
