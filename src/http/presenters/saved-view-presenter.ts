import type { SavedPeopleViewResponse } from '../../contracts/people-list.js';
import type { SavedPeopleView } from '../../domain/people/saved-view-query.js';

/** A saved view of the people list as the contract names it. */
export function presentSavedView(view: SavedPeopleView): SavedPeopleViewResponse {
  return { id: view.id, name: view.name, query: view.query, createdAt: view.createdAt.toISOString() };
}
