/**
 * Asks for the library's listing before React's code has even run: main.tsx imports this
 * module first, and modules run in import order, so the database opens and reads while
 * React and the app are evaluated and render (some tens of ms on a 2-core machine).
 * Not in a console window, which shows one postmortem and no library.
 */
import { consoleDocId } from '../../../shared/consoleLink';
import { choosePlatform } from '../platform';
import { prefetchListing } from './startupListing';

if (!consoleDocId(location.hash)) prefetchListing(choosePlatform());
