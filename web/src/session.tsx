/**
 * Who is signed in, from GET /api/v1/session; sign-in exchanges a user name and password, or an API key,
 * for an httpOnly cookie.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { ApiError, api } from "./api.ts";
import type { Me, Role } from "./types.ts";

export type Credentials = { username: string; password: string } | { apiKey: string };

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn(credentials: Credentials): Promise<void>;
  signOut(): Promise<void>;
  can(roles: readonly Role[] | "any"): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

async function currentSession(): Promise<Me | null> {
  try {
    return await api<Me>("/api/v1/session");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery({ queryKey: ["session"], queryFn: currentSession, staleTime: 60_000 });
  const me = session.data ?? null;
  /** Nothing read under one session may show under the next; the session query itself stays observed. */
  const forgetOtherData = () => client.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
  const value: SessionValue = {
    me,
    loading: session.isPending,
    async signIn(credentials) {
      const signedIn = await api<Me>("/api/v1/session", { method: "POST", json: credentials });
      forgetOtherData();
      client.setQueryData(["session"], signedIn);
    },
    async signOut() {
      await api("/api/v1/session", { method: "DELETE" }).catch(() => undefined);
      forgetOtherData();
      client.setQueryData(["session"], null);
    },
    can(roles) {
      return roles === "any" || (me?.roles.some((role) => roles.includes(role)) ?? false);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
