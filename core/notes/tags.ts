import { z } from 'zod';

import { tagLimits } from './limits';

/** How tags are validated; their limits and how they are typed are in limits.ts (no zod there, for the content script). */
export { parseTags, tagLimits } from './limits';

/** One tag as stored. */
export const tagSchema = z.string().trim().min(1).max(tagLimits.length);
export const tagsSchema = z.array(tagSchema).max(tagLimits.count);
