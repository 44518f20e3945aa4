import { createContext, useContext } from 'react';

/** A page the signed-in person can open, as the layout computed it from the navigation registry. */
export type MenuItem = { path: string; label: string; description: string; to: string; scope: 'campaign' | 'instance' };

// Pages read the menu from here instead of importing the registry (which imports the pages).
export const MenuContext = createContext<MenuItem[]>([]);

export function useMenu(): MenuItem[] {
  return useContext(MenuContext);
}
