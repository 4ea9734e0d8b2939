/**
 * The library's listing, asked for as soon as the start-up script runs (earlyListing.ts) rather than after
 * React's first render and effects: the database opens and reads while React renders, so
 * the rows are there sooner. Taken once, by the first library screen that mounts.
 */
import type { LibraryListing, PlatformApi } from '../../../shared/api';

let startup: Promise<LibraryListing> | null = null;

export function prefetchListing(platform: PlatformApi): void {
  startup = platform.listDocuments();
  startup.catch(() => undefined); // reported by the screen that takes it
}

/** The prefetched listing the first time, a fresh one after that. */
export function takeListing(platform: PlatformApi): Promise<LibraryListing> {
  const listing = startup ?? platform.listDocuments();
  startup = null;
  return listing;
}
