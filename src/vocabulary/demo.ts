// The demo campaign's address: loaded on an empty database, removable without touching others.
export const DEMO_SLUG = 'meridian';
