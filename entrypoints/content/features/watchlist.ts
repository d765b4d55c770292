import { watchlistTabHandlers } from '../reader-terms';
import type { ContentFeature } from './context';

/** The watchlist's tab requests: the "Watch this name" form's count of mentions here, and the selected text. */
export const watchlist: ContentFeature = {
  name: 'watchlist',
  start: () => ({ tabHandlers: watchlistTabHandlers() }),
};
