// Shapes of the public-site organizer API (src/http/presenters/public-content-presenter.ts).
export type ContentLanguage = 'en' | 'es';

export type { Newsletter } from '#contracts/newsletters.js';

export const endorsementLevels = {
  congress: 'Member of Congress',
  state_senate: 'State senator',
  state_assembly: 'Assemblymember',
  city_council: 'City council',
  neighborhood_council: 'Neighborhood council',
  union: 'Union',
  community_organization: 'Community organization',
  faith_group: 'Faith group',
  parent_group: 'Parent group',
  educators: 'Educators at another school',
} as const;
export type EndorsementLevel = keyof typeof endorsementLevels;

export type Endorsement = {
  id: string;
  endorserName: string;
  endorserKind: 'person' | 'organization';
  endorserTitle: string;
  level: EndorsementLevel;
  endorsedOn: string;
  quote: string;
  isPublic: boolean;
  document: { sha256: string; filename: string; size: number; uploadedAt: string; downloadUrl: string; publicUrl: string | null } | null;
  updatedAt: string;
};

export const pressKinds = { news: 'News', opinion: 'Opinion', broadcast: 'Television', radio: 'Radio', online: 'Online', release: 'Our press release' } as const;
export type PressKind = keyof typeof pressKinds;

export type PressItem = {
  id: string;
  kind: PressKind;
  outlet: string;
  headline: string;
  publishedOn: string;
  url: string | null;
  slug: string | null;
  bodyMarkdown: string;
  lang: ContentLanguage;
  isPublic: boolean;
  updatedAt: string;
};

export const eventKinds = { press_conference: 'Press conference', meeting: 'Meeting', rally: 'Rally', other: 'Other' } as const;
export type EventKind = keyof typeof eventKinds;

// Events and RSVPs come from their contract: start and end on the campaign's wall clock.
export type { CampaignEvent, Rsvp } from '#contracts/events.js';

/** "2015-04-24T10:00" for an <input type="datetime-local">, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
