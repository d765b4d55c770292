import { ask } from '../../../lib/messaging';
import { watchlistTabHandlers } from '../reader-terms';
import type { ContentFeature } from './context';

/**
 * The watchlist in the page: the tab requests of the "Watch this name" form (its count of mentions here, the selected
 * text), and the card's "Report a mistake", which opens the report form on the card's entity and the words pointed
 * at (kept in the browser; nothing is sent).
 */
export const watchlist: ContentFeature = {
  name: 'watchlist',
  start: () => ({
    tabHandlers: watchlistTabHandlers(),
    cardActions: [
      {
        id: 'report',
        label: 'Report a mistake',
        title: (card) => `Note what is wrong with ${card.entityName} here, for the dataset's maintainers (kept in your browser; nothing is sent)`,
        async run(card) {
          const mentioned = card.record.mention.entity.id === card.entityId;
          await ask({
            type: 'report.open',
            kind: mentioned ? 'wrong-match' : 'wrong-fact',
            entityId: card.entityId,
            entityName: card.entityName,
            ...(mentioned && { text: card.record.mention.text.slice(0, 1000) }),
          });
        },
      },
    ],
  }),
};
