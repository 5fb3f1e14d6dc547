/**
 * Failed sign-in checks counted per claimed identity (a key id, a user name) for a minute: past the limit
 * the caller stops checking, since each check costs a scrypt run and guessing must stay slow. In this
 * process's memory, bounded in size; the oldest counts go first.
 */
export interface FailureLimit {
  /** True when `subject` has failed `maxPerMinute` times within its current minute. */
  blocked(subject: string): boolean;
  record(subject: string): void;
}

export interface FailureLimitOptions {
  maxPerMinute: number;
  maxEntries?: number;
  now?: () => number;
}

export function createFailureLimit(options: FailureLimitOptions): FailureLimit {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, { count: number; until: number }>();
  const current = (subject: string) => {
    const entry = failures.get(subject);
    return entry && entry.until > now() ? entry : undefined;
  };
  return {
    blocked(subject) {
      return (current(subject)?.count ?? 0) >= options.maxPerMinute;
    },
    record(subject) {
      const entry = current(subject) ?? { count: 0, until: now() + 60_000 };
      // Map keeps insertion order: the first entry is the oldest.
      if (!failures.has(subject) && failures.size >= maxEntries)
        failures.delete(failures.keys().next().value as string);
      failures.set(subject, { ...entry, count: entry.count + 1 });
    },
  };
}
