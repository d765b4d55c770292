import { dismissalPhrase } from '../../../core/settings/model';
import { ask } from '../../../lib/messaging';
import type { Outcome } from '../overlay';
import type { ContentFeature } from './context';

/**
 * "Not this": the phrase the reader pointed at is not the entity whose card is open, on this page. Only on the
 * mention's own card (on a related entity's card the phrase was never that entity). The card then offers Undo and
 * "Hide on the whole site". Guarded: it changes settings, so it acts only when the card was plainly visible.
 */
export const notThis: ContentFeature = {
  name: 'not this',
  start(context) {
    return {
      cardActions: [
        {
          id: 'not-this',
          label: 'Not this',
          guarded: true,
          mentionOnly: true,
          title: (card) => `“${card.record.mention.text}” here is not ${card.entityName}: stop highlighting it on this page`,
          async run(card): Promise<Outcome | void> {
            const { site, page } = context.where();
            const entity = card.record.mention.entity;
            if (!site || card.entityId !== entity.id) return;
            const text = card.record.mention.text;
            const { settings } = await ask({
              type: 'settings.change',
              change: { op: 'dismiss', entityId: entity.id, entityName: card.entityName, text, site, ...(page && { page }) },
            });
            const phrase = dismissalPhrase(text);
            const made = settings.dismissals.find((d) => d.entityId === entity.id && d.phrase === phrase && d.site === site && (d.page === undefined || d.page === page));
            if (!made) return;
            const undo = {
              id: 'not-this-undo',
              label: 'Undo',
              guarded: true,
              async run() {
                await ask({ type: 'settings.change', change: { op: 'undismiss', ids: [made.id] } });
              },
            };
            return {
              text: `“${text}” is no longer highlighted as ${card.entityName} on this page.`,
              actions: [
                undo,
                ...(made.page !== undefined
                  ? [{
                      id: 'not-this-site',
                      label: 'Hide on the whole site',
                      guarded: true,
                      async run(): Promise<Outcome> {
                        await ask({ type: 'settings.change', change: { op: 'widenDismissal', id: made.id } });
                        return { text: `“${text}” is no longer highlighted as ${card.entityName} anywhere on ${site}.`, actions: [undo] };
                      },
                    }]
                  : []),
              ],
            };
          },
        },
      ],
    };
  },
};
