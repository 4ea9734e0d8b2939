import { createContext, useContext } from 'react';
import type { PlatformApi } from '../../../shared/api';

export const PlatformContext = createContext<PlatformApi | null>(null);

export function usePlatform(): PlatformApi {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform must be used inside <PlatformContext.Provider>.');
  return platform;
}
