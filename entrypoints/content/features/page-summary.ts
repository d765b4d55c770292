import type { PageSummary } from '../../../core/protocol/tab';
import { canonicalUrl } from '../page-quotes';
import type { ContentFeature } from './context';

/** What the popup's "On this page" lists: the entities mentioned, with their counts. */
export const pageSummary: ContentFeature = {
  name: 'page summary',
  start(context) {
    return {
      tabHandlers: {
        'page.summary': (): PageSummary => {
          const rows = new Map<string, PageSummary['entities'][number]>();
          for (const { mention } of context.page.scanner?.mentions() ?? []) {
            const row = rows.get(mention.entity.id) ?? { id: mention.entity.id, name: mention.entity.name, kind: mention.entity.kind, count: 0 };
            row.count++;
            rows.set(mention.entity.id, row);
          }
          const entities = [...rows.values()];
          const canonical = canonicalUrl();
          return {
            active: context.active,
            url: location.href,
            ...(canonical && { canonicalUrl: canonical }),
            site: context.site ?? '',
            total: entities.reduce((sum, row) => sum + row.count, 0),
            entities,
          };
        },
      },
    };
  },
};
