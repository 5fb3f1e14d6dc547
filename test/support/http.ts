import type { FastifyInstance, InjectOptions } from "fastify";

/**
 * `call(key, options)`: an in-process request to the server `getApp()` returns (the app is made in a
 * `before` hook), with `Authorization: Bearer KEY` when a key is given.
 */
export function keyedInject(getApp: () => FastifyInstance) {
  return (key: string | undefined, options: InjectOptions) =>
    getApp().inject({
      ...options,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers },
    });
}
