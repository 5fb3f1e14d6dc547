import { useEffect, useRef } from "react";
import { NavLink, Route, Routes, useLocation } from "react-router";
import { offers, useCapabilities } from "./capabilities.ts";
import { DemoBanner } from "./components/DemoBanner.tsx";
import { Notice } from "./components/Notice.tsx";
import { SignInPage } from "./pages/SignIn.tsx";
import { type ConsolePage, PAGES } from "./pages.tsx";
import { useSession } from "./session.tsx";

/** Opens a page only for the roles it is meant for and only when the server offers its routes. */
function Guarded({ page }: { page: ConsolePage }) {
  const { can } = useSession();
  const capabilities = useCapabilities();
  if (!can(page.roles)) {
    return (
      <Notice kind="error" title="Not allowed">
        Your roles do not include access to this page.
      </Notice>
    );
  }
  if (capabilities.isPending) return <p aria-busy="true">Loading…</p>;
  if (!offers(capabilities.data, page.needs)) {
    return (
      <Notice kind="info" title="Not available">
        This server does not offer the API this page needs ({page.needs.join(", ")}).
      </Notice>
    );
  }
  return <>{page.element}</>;
}

function Navigation() {
  const { can } = useSession();
  const capabilities = useCapabilities();
  const visible = PAGES.filter(
    (page) => page.label && can(page.roles) && offers(capabilities.data, page.needs),
  );
  return (
    <nav aria-label="Main">
      <ul>
        {visible.map((page) => (
          <li key={page.path}>
            <NavLink to={page.path} end={page.path === "/"}>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * After a client-side navigation or signing in or out, focus moves to the new page so keyboard and
 * screen-reader users follow. `signedIn` is undefined while the session loads: the first load moves nothing.
 */
function useFocusOnNavigate(signedIn: boolean | undefined) {
  const { pathname } = useLocation();
  const shown = useRef<{ pathname: string; signedIn: boolean | undefined }>({ pathname, signedIn });
  useEffect(() => {
    const before = shown.current;
    shown.current = { pathname, signedIn };
    if (before.signedIn === undefined || (before.pathname === pathname && before.signedIn === signedIn))
      return;
    document.getElementById("main")?.focus();
  }, [pathname, signedIn]);
}

export function App() {
  const { me, loading, signOut } = useSession();
  useFocusOnNavigate(loading ? undefined : me !== null);
  if (loading) return <p aria-busy="true">Loading…</p>;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">ftfx console</span>
        {me && (
          <span className="who">
            {me.username && `${me.username} · `}
            {me.agencyName ?? me.agencyId} · {me.roles.join(", ")}
            <button type="button" className="sign-out" onClick={() => void signOut()}>
              Sign out
            </button>
          </span>
        )}
      </header>
      {me && <DemoBanner />}
      <div className="frame">
        {me && <Navigation />}
        <main id="main" tabIndex={-1}>
          {me ? (
            <Routes>
              {PAGES.map((page) => (
                <Route key={page.path} path={page.path} element={<Guarded page={page} />} />
              ))}
              <Route
                path="*"
                element={
                  <Notice kind="error" title="Not found">
                    There is no such page.
                  </Notice>
                }
              />
            </Routes>
          ) : (
            <SignInPage />
          )}
        </main>
      </div>
    </>
  );
}
