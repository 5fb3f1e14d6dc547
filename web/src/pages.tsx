/**
 * Every page of the console: where it lives, who may open it (the roles of the API routes it calls) and
 * which routes it needs. Navigation and routing are both read from this one table.
 */
import type { ReactNode } from "react";
import { AgenciesPage } from "./pages/Agencies.tsx";
import { AlertDetailPage } from "./pages/AlertDetail.tsx";
import { AlertsPage } from "./pages/Alerts.tsx";
import { ArrangementsPage } from "./pages/Arrangements.tsx";
import { AuditPage } from "./pages/Audit.tsx";
import { DashboardPage } from "./pages/Dashboard.tsx";
import { EntitiesPage } from "./pages/Entities.tsx";
import { EntityPage } from "./pages/Entity.tsx";
import { FollowUpsPage } from "./pages/FollowUps.tsx";
import { ManifestPage } from "./pages/Manifest.tsx";
import { NotificationsPage } from "./pages/Notifications.tsx";
import { RetentionPage } from "./pages/Retention.tsx";
import { SearchPage } from "./pages/Search.tsx";
import type { Role } from "./types.ts";

export interface ConsolePage {
  path: string;
  /** Shown in the navigation; pages without a label are reached from other pages. */
  label?: string;
  roles: readonly Role[] | "any";
  /** API routes as in the OpenAPI document, e.g. `GET /api/v1/alerts`. */
  needs: readonly string[];
  element: ReactNode;
}

/** The roles of the routes each page calls (src/api/routes/*.ts); the server checks them again. */
const ALERTS: readonly Role[] = ["screener", "analyst"];
const SCREENING: readonly Role[] = ["screener"];
const MATCHING: readonly Role[] = ["screener", "analyst", "contributor", "admin"];

export const PAGES: readonly ConsolePage[] = [
  {
    path: "/",
    label: "Dashboard",
    roles: "any",
    needs: ["GET /api/v1/console/summary"],
    element: <DashboardPage />,
  },
  {
    path: "/alerts",
    label: "Alerts",
    roles: ALERTS,
    needs: ["GET /api/v1/alerts"],
    element: <AlertsPage />,
  },
  {
    path: "/alerts/:id",
    roles: ALERTS,
    needs: ["GET /api/v1/alerts/{id}"],
    element: <AlertDetailPage />,
  },
  {
    path: "/manifests",
    label: "Upload manifest",
    roles: SCREENING,
    needs: ["POST /api/v1/manifests"],
    element: <ManifestPage />,
  },
  {
    path: "/search",
    label: "Search a person",
    roles: MATCHING,
    needs: ["POST /api/v1/match"],
    element: <SearchPage />,
  },
  {
    path: "/entities",
    label: "Registry",
    roles: "any",
    needs: ["GET /api/v1/entities"],
    element: <EntitiesPage />,
  },
  { path: "/entities/:id", roles: "any", needs: ["GET /api/v1/entities/{id}"], element: <EntityPage /> },
  {
    path: "/notifications",
    label: "Notifications",
    roles: "any",
    needs: ["GET /api/v1/notifications"],
    element: <NotificationsPage />,
  },
  {
    path: "/follow-ups",
    label: "Follow-ups",
    roles: "any",
    needs: ["GET /api/v1/follow-ups"],
    element: <FollowUpsPage />,
  },
  {
    path: "/retention",
    label: "Review queue",
    roles: ["contributor", "admin"],
    needs: ["GET /api/v1/retention/review"],
    element: <RetentionPage />,
  },
  {
    path: "/arrangements",
    label: "Arrangements",
    roles: ["admin"],
    needs: ["GET /api/v1/arrangements"],
    element: <ArrangementsPage />,
  },
  {
    path: "/agencies",
    label: "Agencies",
    roles: ["admin"],
    needs: ["GET /api/v1/agencies"],
    element: <AgenciesPage />,
  },
  {
    path: "/audit",
    label: "Audit log",
    roles: ["auditor", "admin"],
    needs: ["GET /api/v1/audit"],
    element: <AuditPage />,
  },
];
