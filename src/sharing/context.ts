/**
 * Who acts, for what, and when: every sharing service takes this context. The CLI acts as the local
 * operator, the API as the authenticated key's holder.
 */
import type { Clock } from "../platform/clock.ts";
import { type Actor, ROLES } from "./types.ts";

export interface SharingContext {
  actor: Actor;
  clock: Clock;
}

/** The agency id of the node's own operator; records imported locally carry it as their originator. */
export const LOCAL_AGENCY = "local";

/** The CLI on the server's machine: the store's operator, with every role. */
export const LOCAL_OPERATOR: Actor = { agencyId: LOCAL_AGENCY, userId: "operator", roles: [...ROLES] };
