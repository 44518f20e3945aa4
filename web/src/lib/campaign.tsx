import { createContext, useContext, type ReactNode } from 'react';
import { canPerform, visibleWorksites, type Action } from '#domain/policies/campaign-policy.js';
import type { CampaignDetail, Role, Worksite } from './api-types.js';

// The campaign being worked on, with the signed-in person's role in it. Permission checks use the
// server's own policy table, so the menu never offers what the API would refuse.
export type CampaignValue = {
  slug: string;
  detail: CampaignDetail;
  role: Role;
  can: (action: Action) => boolean;
  /** The worksites whose people this person may see for the action (all, or their own). */
  worksitesFor: (action: Action) => Worksite[];
};

const CampaignContext = createContext<CampaignValue | null>(null);

export function createCampaignValue(slug: string, detail: CampaignDetail): CampaignValue {
  const role = detail.campaign.role ?? 'viewer';
  const actor = { role, worksiteIds: detail.myWorksiteIds };
  return {
    slug,
    detail,
    role,
    can: (action) => canPerform(actor, action),
    worksitesFor: (action) => {
      const scope = visibleWorksites(actor, action);
      return scope === 'all' ? detail.worksites : detail.worksites.filter((w) => scope.includes(w.id));
    },
  };
}

export function CampaignProvider(props: { value: CampaignValue; children: ReactNode }) {
  return <CampaignContext.Provider value={props.value}>{props.children}</CampaignContext.Provider>;
}

/** The current campaign; only for pages under /app/c/:slug/. */
export function useCampaign(): CampaignValue {
  const value = useContext(CampaignContext);
  if (!value) throw new Error('useCampaign outside a campaign page');
  return value;
}

/** The current campaign if the page is inside one (instance pages may not be). */
export function useOptionalCampaign(): CampaignValue | null {
  return useContext(CampaignContext);
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  organizer: 'Organizer',
  committee: 'Committee member',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Everything, including roles, exports and the audit log.',
  organizer: 'Sees and edits people and organizing data at every school. No exports.',
  committee: 'Sees and edits only the people at the schools assigned to them.',
  viewer: 'Sees campaign totals only, never names.',
};
