// The shapes of the employer-conduct API, from its contract (src/contracts/conduct.ts).
export type { Agent, Attachment, ConductOptions, Incident, Provision, StatusChange } from '#contracts/conduct.js';
