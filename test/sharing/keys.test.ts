import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { apiKeyId, generateApiKey, verifyApiKey } from "../../src/sharing/keys.ts";

describe("API keys", () => {
  test("a new key has the ftfx_ prefix, embeds its id and verifies against its stored hash", async () => {
    const { id, key, hash } = await generateApiKey();
    assert.match(key, /^ftfx_[0-9a-f]{20}_[A-Za-z0-9_-]{43}$/);
    assert.equal(apiKeyId(key), id);
    assert.match(hash, /^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.ok(!hash.includes(key.slice(26)), "the stored hash must not contain the secret");
    assert.equal(await verifyApiKey(key, hash), true);
  });

  test("a key with one character changed, or another key, does not verify", async () => {
    const [a, b] = await Promise.all([generateApiKey(), generateApiKey()]);
    const last = a.key.at(-1) === "A" ? "B" : "A";
    assert.equal(await verifyApiKey(`${a.key.slice(0, -1)}${last}`, a.hash), false);
    assert.equal(await verifyApiKey(b.key, a.hash), false);
    assert.notEqual(a.id, b.id);
  });

  test("each key gets its own salt", async () => {
    const [a, b] = await Promise.all([generateApiKey(), generateApiKey()]);
    assert.notEqual(a.hash.split("$")[2], b.hash.split("$")[2]);
  });

  test("strings that are not ftfx keys are refused without error", async () => {
    const { hash } = await generateApiKey();
    for (const bad of ["", "Bearer x", "ftfx_", "ftfx_zz_abc"]) {
      assert.equal(apiKeyId(bad), null);
      assert.equal(await verifyApiKey(bad, hash), false);
    }
  });

  test("a malformed or over-costly stored hash is an internal error, not a failed login", async () => {
    const { key, hash } = await generateApiKey();
    await assert.rejects(verifyApiKey(key, "plain-text"), /malformed/);
    await assert.rejects(verifyApiKey(key, hash.replace("N=16384", "N=1073741824")), /malformed/);
    await assert.rejects(verifyApiKey(key, hash.replace("N=16384", "N=1000")), /malformed/);
  });
});
