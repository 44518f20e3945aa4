import { agentRoles, conductKinds, incidentStatuses } from '../../vocabulary/conduct.js';

type ConductKind = (typeof conductKinds)[number];
type IncidentStatus = (typeof incidentStatuses)[number];
type AgentRole = (typeof agentRoles)[number];

// The words the chronology, the CSV and the app use for each stored code.
export { agentRoles, conductKinds, incidentStatuses };

export const kindLabels: Record<ConductKind, string> = {
  captive_audience: 'Captive-audience meeting',
  one_on_one_pressure: 'One-on-one pressure by a supervisor',
  misleading_literature: 'Misleading literature',
  interrogation: 'Interrogation',
  surveillance: 'Surveillance or the impression of it',
  threat: 'Threat',
  promise_of_benefit: 'Promise of benefit',
  denial_of_access: 'Denial of access to campus or facilities',
  blocking_email: 'Blocking or diverting union email',
  soliciting_parents: 'Soliciting parents or alumni against the union',
  discipline: 'Discipline or retaliation',
  other: 'Other',
};

export const statusLabels: Record<IncidentStatus, string> = {
  documented: 'Documented',
  shared_with_counsel: 'Shared with counsel',
  charge_filed: 'In charge',
  settled: 'Settled',
  decided: 'Decided',
};

export const agentRoleLabels: Record<AgentRole, string> = {
  principal: 'Principal',
  administrator: 'Administrator',
  network_executive: 'Network executive',
  attorney: 'Attorney',
  consultant: 'Outside consultant',
  other: 'Other',
};

/** "In charge No. LA-CE-6123-E", "Settled", … */
export function describeStatus(status: IncidentStatus, chargeNumber: string | null): string {
  return status === 'charge_filed' && chargeNumber ? `In charge No. ${chargeNumber}` : statusLabels[status];
}
