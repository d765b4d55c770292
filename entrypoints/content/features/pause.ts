import { ask } from '../../../lib/messaging';
import type { Outcome } from '../overlay';
import type { ContentFeature } from './context';

/** "Pause on this site" in the card, with Undo. Guarded: it acts only when the card was plainly visible. */
export const pause: ContentFeature = {
  name: 'pause',
  start(context) {
    return {
      cardActions: [
        {
          id: 'pause',
          label: 'Pause on this site',
          guarded: true,
          title: () => 'Stop highlighting on this site',
          async run(): Promise<Outcome | void> {
            const site = context.site;
            if (!site) return;
            await ask({ type: 'settings.change', change: { op: 'site', list: 'paused', site, present: true } });
            return {
              text: `Watchwords is paused on ${site}.`,
              actions: [
                {
                  id: 'pause-undo',
                  label: 'Undo',
                  guarded: true,
                  async run() {
                    await ask({ type: 'settings.change', change: { op: 'site', list: 'paused', site, present: false } });
                  },
                },
              ],
            };
          },
        },
      ],
    };
  },
};
