import type { z } from 'zod';

/**
 * One request type of a protocol: the schema its body is validated with (the message without `type`) and, as a
 * type only, what its handler answers. Handler maps are typed from these, so that a handler answering the wrong
 * shape does not compile.
 */
export interface Route<Body extends z.ZodType, Response> {
  body: Body;
  /** Phantom: never set at run time. */
  readonly response?: Response;
}

/** A route whose body is validated with `body` and whose handler answers a `Response`. */
export function route<Response>() {
  return <Body extends z.ZodType>(body: Body): Route<Body, Response> => ({ body });
}

// biome-ignore lint: any is needed to match every route
export type AnyRoutes = Record<string, Route<z.ZodType, any>>;

export type BodyOf<P extends AnyRoutes, K extends keyof P> = z.output<P[K]['body']>;
export type ResponseOf<P extends AnyRoutes, K extends keyof P> = P[K] extends Route<z.ZodType, infer R> ? R : never;
/** A message as sent: its type and its body's fields. */
export type MessageOf<P extends AnyRoutes, K extends keyof P & string> = { type: K } & BodyInput<z.input<P[K]['body']>>;
/** An empty strict body's input is `Record<string, never>`, which no message with a `type` satisfies. */
type BodyInput<In> = string extends keyof In ? object : In;

/** Every route answered, each with the right response type. */
export type Handlers<P extends AnyRoutes, Context> = {
  [K in keyof P & string]: (body: BodyOf<P, K>, context: Context) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;
};

/** What every handler's answer travels in: errors are plain sentences for the reader. */
export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export const malformedRequest = 'Watchwords ignored a malformed request.';

/** A refusal a handler means (its message is for the reader), as opposed to a failure it did not expect. */
export class Refusal extends Error {}

/**
 * Validates a message against a protocol and runs its handler. Unknown types and invalid bodies are refused
 * with one sentence; a handler's own failure is described by `describe`.
 */
export function createDispatcher<P extends AnyRoutes, Context>(
  routes: P,
  handlers: Handlers<P, Context>,
  describe: (error: unknown) => string = (error) => (error as Error)?.message ?? String(error),
) {
  return async function dispatch(message: unknown, context: Context): Promise<Reply> {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, error: malformedRequest };
    const { type, ...rest } = message as { type?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(routes, type)) return { ok: false, error: malformedRequest };
    const parsed = routes[type]!.body.safeParse(rest);
    if (!parsed.success) return { ok: false, error: describeInvalid(parsed.error) };
    try {
      return { ok: true, value: await handlers[type as keyof P & string](parsed.data as never, context) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  };
}

/**
 * The first problem of an invalid request in words a reader can act on, where a limit was passed ("the note is
 * longer than 20,000 characters"); otherwise the plain refusal. Limits are checked before sending, so this is
 * rare.
 */
/** How a refusal names the field that was over its limit. */
const fieldNames: Record<string, string> = { body: 'the note', exact: 'the quoted text', tags: 'the tags', title: 'the title', ids: 'the list' };

function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === 'too_big' && typeof issue.maximum === 'number') {
    const field = fieldNames[String(issue.path.at(-1))] ?? 'the request';
    const unit = issue.origin === 'string' ? 'characters' : 'items';
    return `Watchwords refused this: ${field} is over its limit of ${issue.maximum.toLocaleString('en-US')} ${unit}.`;
  }
  return malformedRequest;
}
