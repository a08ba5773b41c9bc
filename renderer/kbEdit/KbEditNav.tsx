import { createContext, useContext } from 'react';

/**
 * Opens an article in the 知识维护 editor from anywhere in the shell (转为知识 in a case), or null
 * where there is no such page (the user may not write articles, or no shell is mounted).
 */
const KbEditNavContext = createContext<((id: string) => void) | null>(null);

export const KbEditNavProvider = KbEditNavContext.Provider;

export function useOpenInKbEdit(): ((id: string) => void) | null {
  return useContext(KbEditNavContext);
}
