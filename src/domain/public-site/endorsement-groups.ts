import type { endorsementLevels } from '../../vocabulary/public-site.js';

export type EndorsementLevel = (typeof endorsementLevels)[number];

// How the public wall groups levels: state senators and assemblymembers are "state legislators"
// together, as the campaign speaks of them ("7 members of the California Senate and Assembly").
export const endorsementGroups = [
  'congress',
  'state_legislature',
  'city_council',
  'neighborhood_council',
  'union',
  'community_organization',
  'faith_group',
  'parent_group',
  'educators',
] as const;
export type EndorsementGroup = (typeof endorsementGroups)[number];

export function groupOfLevel(level: EndorsementLevel): EndorsementGroup {
  return level === 'state_senate' || level === 'state_assembly' ? 'state_legislature' : level;
}

/** Items grouped in wall order; empty groups are left out. */
export function groupEndorsements<T extends { level: EndorsementLevel }>(items: readonly T[]): { group: EndorsementGroup; items: T[] }[] {
  const byGroup = new Map<EndorsementGroup, T[]>();
  for (const item of items) {
    const group = groupOfLevel(item.level);
    const list = byGroup.get(group) ?? [];
    list.push(item);
    byGroup.set(group, list);
  }
  return endorsementGroups.flatMap((group) => {
    const list = byGroup.get(group);
    return list ? [{ group, items: list }] : [];
  });
}
