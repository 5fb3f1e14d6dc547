/**
 * PostgreSQL's pg_trgm as a peer: `similarity()` for pairs, and a GIN trigram index searched with the `%`
 * operator, as a database-backed screening system would use it. Runs on PGlite (in process, WASM) and,
 * when reachable, on the machine's PostgreSQL server in a throwaway database dropped afterwards.
 */
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { POSTGRES_ADMIN_URL } from "../../test/support/stores.ts";
import { type Candidate, foldName, type GroupHit, type NameIndex, type Peer } from "./peers.ts";

/** The common ground of PGlite and a node-postgres client. */
export interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface PgTrgmDatabase {
  engine: "PGlite" | "PostgreSQL";
  sql: Sql;
  close(): Promise<void>;
}

/** pg_trgm's own default for `%` (pg_trgm.similarity_threshold). */
export const PG_TRGM_DEFAULT_THRESHOLD = 0.3;

export async function openPglite(): Promise<PgTrgmDatabase> {
  const db = await PGlite.create({ extensions: { pg_trgm } });
  await db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  return { engine: "PGlite", sql: db, close: () => db.close() };
}

/** A fresh database on the PostgreSQL server, or undefined when the server cannot be reached. */
export async function openPostgres(): Promise<PgTrgmDatabase | undefined> {
  const name = `ftfx_bench_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    return undefined;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  return {
    engine: "PostgreSQL",
    sql: client,
    close: async () => {
      await client.end();
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

let tableCounter = 0;

/** Loads the folded candidate names into a new table; returns the table name. */
export async function createNameTable(sql: Sql, candidates: readonly Candidate[]): Promise<string> {
  const table = `names_${++tableCounter}`;
  await sql.query(`CREATE TABLE ${table} (grp integer NOT NULL, name text NOT NULL)`);
  const batch = 20_000;
  for (let start = 0; start < candidates.length; start += batch) {
    const slice = candidates.slice(start, start + batch);
    await sql.query(`INSERT INTO ${table} (grp, name) SELECT * FROM unnest($1::integer[], $2::text[])`, [
      slice.map((c) => c.group),
      slice.map((c) => foldName(c.name)),
    ]);
  }
  return table;
}

/** The GIN trigram index that answers `%`. */
export async function indexNames(sql: Sql, table: string): Promise<void> {
  await sql.query(`CREATE INDEX ${table}_trgm ON ${table} USING gin (name gin_trgm_ops)`);
  await sql.query(`ANALYZE ${table}`);
}

/** The k best groups whose names are `%`-similar to the query (the GIN index answers `%`). */
export async function searchNames(sql: Sql, table: string, query: string, k: number): Promise<GroupHit[]> {
  const { rows } = await sql.query<{ grp: number; score: number }>(
    `SELECT grp, max(similarity(name, $1))::float8 AS score FROM ${table} WHERE name % $1
     GROUP BY grp ORDER BY score DESC, grp LIMIT $2`,
    [foldName(query), k],
  );
  return rows.map((r) => ({ group: Number(r.grp), score: Number(r.score) }));
}

export async function setSimilarityThreshold(sql: Sql, threshold: number): Promise<void> {
  // SET takes no bind parameters; the value is a number we produced.
  await sql.query(`SET pg_trgm.similarity_threshold = ${Number(threshold).toFixed(6)}`);
}

export function pgTrgmPeer(db: PgTrgmDatabase): Peer {
  return {
    id: "pg_trgm",
    label: "pg_trgm",
    how: `pg_trgm \`similarity()\` on the folded names in ${db.engine}; search = GIN (gin_trgm_ops) index with \`name % query\`, pg_trgm.similarity_threshold ${PG_TRGM_DEFAULT_THRESHOLD} (lowered to the tuned threshold where that is lower, and to 0 where every candidate is ranked), best similarity per subject`,
    scorePairs: async (pairs) => {
      const { rows } = await db.sql.query<{ score: number }>(
        `SELECT similarity(a, b)::float8 AS score FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, i) ORDER BY i`,
        [pairs.map(([a]) => foldName(a)), pairs.map(([, b]) => foldName(b))],
      );
      return rows.map((r) => Number(r.score));
    },
    buildIndex: async (candidates, options): Promise<NameIndex> => {
      const table = await createNameTable(db.sql, candidates);
      await indexNames(db.sql, table);
      const threshold = Math.min(PG_TRGM_DEFAULT_THRESHOLD, options?.minScore ?? PG_TRGM_DEFAULT_THRESHOLD);
      return {
        search: async (query, k) => {
          // The setting is per session; set it per search since other indexes may share the session.
          await setSimilarityThreshold(db.sql, threshold);
          return searchNames(db.sql, table, query, k);
        },
        close: async () => {
          await db.sql.query(`DROP TABLE ${table}`);
        },
      };
    },
  };
}
