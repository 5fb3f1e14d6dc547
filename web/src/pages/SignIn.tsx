import { type FormEvent, useState } from "react";
import { ErrorNotice } from "../components/Notice.tsx";
import { useSession } from "../session.tsx";

/** Sign-in with an API key; the server turns it into an httpOnly session cookie (the key is not kept here). */
export function SignInPage() {
  const { signIn } = useSession();
  const [key, setKey] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(key);
      setKey("");
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p>
        Use the API key your agency's administrator gave you. It is exchanged for a session; the page does not
        keep it.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="current-password"
          required
          value={key}
          onChange={(event) => setKey(event.target.value)}
          placeholder="ftfx_…"
        />
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
