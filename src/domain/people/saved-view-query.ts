import type { SavedPeopleViewRow } from '../../db/repositories/saved-views-repository.js';

/** A saved view of the people list: its name and the list's query (filters and sort, no cursor). */
export type SavedPeopleView = { id: string; name: string; query: Record<string, string>; createdAt: Date };

export function toSavedView(row: SavedPeopleViewRow): SavedPeopleView {
  return { id: row.id, name: row.name, query: row.query, createdAt: row.createdAt };
}
