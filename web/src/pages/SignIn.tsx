import { type FormEvent, useState } from "react";
import { ErrorNotice } from "../components/Notice.tsx";
import { useSession } from "../session.tsx";

type Method = "password" | "key";

const METHODS: { value: Method; label: string }[] = [
  { value: "password", label: "User name and password" },
  { value: "key", label: "An API key" },
];

/**
 * Sign-in by user name and password, or with an API key; the server answers with an httpOnly session
 * cookie, so neither the password nor the key is kept in the page. The method is a pair of radio buttons:
 * arrow keys move between them, Tab moves on to the fields.
 */
export function SignInPage() {
  const { signIn } = useSession();
  const [method, setMethod] = useState<Method>("password");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [key, setKey] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(method === "password" ? { username: username.trim(), password } : { apiKey: key.trim() });
    } catch (failure) {
      setError(failure);
    } finally {
      // Nothing secret stays in the form, whether the sign-in worked or not.
      setPassword("");
      setKey("");
      setBusy(false);
    }
  }

  function choose(next: Method) {
    setMethod(next);
    setError(null);
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <form onSubmit={submit}>
        <fieldset className="method">
          <legend>Sign in with</legend>
          {METHODS.map((m) => (
            <label key={m.value}>
              <input
                type="radio"
                name="method"
                value={m.value}
                checked={method === m.value}
                onChange={() => choose(m.value)}
              />
              {m.label}
            </label>
          ))}
        </fieldset>
        {method === "password" ? (
          <>
            <p className="hint">The user name and password your node's operator set up for you.</p>
            <label htmlFor="username">User name</label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </>
        ) : (
          <>
            <p className="hint">
              The API key your agency's administrator gave you. It is exchanged for a session; the page does
              not keep it.
            </p>
            <label htmlFor="api-key">API key</label>
            <input
              id="api-key"
              name="api-key"
              type="password"
              autoComplete="off"
              required
              value={key}
              onChange={(event) => setKey(event.target.value)}
              placeholder="ftfx_…"
            />
          </>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
