import type { ReactNode } from "react";

/** A message box; errors are announced to screen readers at once. */
export function Notice({
  kind,
  title,
  children,
}: {
  kind: "error" | "info";
  title: string;
  children: ReactNode;
}) {
  return (
    <div className={`notice ${kind}`} role={kind === "error" ? "alert" : "status"}>
      <h2>{title}</h2>
      <div>{children}</div>
    </div>
  );
}

export function ErrorNotice({ error }: { error: unknown }) {
  return (
    <Notice kind="error" title="The server refused">
      {error instanceof Error ? error.message : String(error)}
    </Notice>
  );
}
