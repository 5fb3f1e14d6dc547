import { defineConfig } from "drizzle-kit";

// Migrations are generated from every capability's schema.ts and committed under drizzle/.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/*/schema.ts",
  out: "./drizzle",
});
