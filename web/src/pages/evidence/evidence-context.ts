import { useOutletContext } from 'react-router';
import { campaignPath } from '../../lib/api.js';
import type { ConductOptions } from '../../lib/conduct-types.js';
import { apiKey } from '../../lib/query.js';

/** The evidence pages' address: /app/c/<slug>/evidence, sub-pages below it. */
export const evidenceBase = (slug: string): string => `/app/c/${encodeURIComponent(slug)}/evidence`;

/** Everything cached about the campaign's conduct log: options, incidents, attachments. */
export const conductKey = (slug: string) => apiKey(campaignPath(slug, '/conduct'));
export const incidentsKey = (slug: string) => apiKey(campaignPath(slug, '/conduct/incidents'));
export const incidentKey = (slug: string, id: string) => apiKey(campaignPath(slug, `/conduct/incidents/${encodeURIComponent(id)}`));
export const conductOptionsKey = (slug: string) => apiKey(campaignPath(slug, '/conduct/options'));

/** The kinds, schools, agents and laws every evidence page needs, loaded once by EvidenceLayout. */
export function useConductOptions(): ConductOptions {
  return useOutletContext<ConductOptions>();
}
