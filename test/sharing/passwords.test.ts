import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  checkPasswordPolicy,
  generatePassword,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  verifyAgainstDecoy,
  verifyPassword,
} from "../../src/sharing/passwords.ts";

const GOOD = "blue tram at seven past noon";

describe("password hashing", () => {
  test("the stored hash names its scrypt cost, has a per-hash salt, and verifies only the password", async () => {
    const [a, b] = await Promise.all([hashPassword(GOOD), hashPassword(GOOD)]);
    assert.match(a, /^scrypt\$N=32768,r=8,p=3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b, "a fresh salt each time");
    assert.ok(!a.includes(GOOD) && !a.includes(Buffer.from(GOOD).toString("base64url")));
    assert.equal(await verifyPassword(GOOD, a), true);
    assert.equal(await verifyPassword(GOOD, b), true);
    assert.equal(await verifyPassword(`${GOOD}.`, a), false);
    assert.equal(await verifyPassword(GOOD.toUpperCase(), a), false, "passwords are case-sensitive");
  });

  test("the same text in composed or decomposed Unicode is one password (NFKC)", async () => {
    const composed = "caf\u00e9 au lait, sans sucre";
    const decomposed = "cafe\u0301 au lait, sans sucre";
    assert.notEqual(composed, decomposed);
    assert.equal(await verifyPassword(decomposed, await hashPassword(composed)), true);
  });

  test("a malformed or absurd stored hash is an internal error, never a yes", async () => {
    const stored = await hashPassword(GOOD);
    await assert.rejects(verifyPassword(GOOD, "plain-text"), /stored password hash is malformed/);
    await assert.rejects(verifyPassword(GOOD, stored.replace("N=32768", "N=1073741824")), /malformed/);
    await assert.rejects(verifyPassword(GOOD, stored.replace("p=3", "p=99")), /malformed/);
  });

  test("the decoy check answers no", async () => {
    assert.equal(await verifyAgainstDecoy(GOOD), false);
  });
});

describe("password policy", () => {
  test("12 characters pass, 11 do not; characters are counted, not UTF-16 units", () => {
    assert.doesNotThrow(() => checkPasswordPolicy("abcdefghijkl", "alice"));
    assert.throws(
      () => checkPasswordPolicy("abcdefghijk", "alice"),
      /at least 12 characters, this one has 11/,
    );
    // Eleven emoji are 22 UTF-16 units but still eleven characters.
    assert.throws(() => checkPasswordPolicy("🔑🚪🧭🌍🛂🧳📎🧩🎒🚲🚀", "alice"), /at least 12/);
  });

  test("no composition rules: spaces and any script are fine", () => {
    assert.doesNotThrow(() => checkPasswordPolicy("correct horse battery", "alice"));
    assert.doesNotThrow(() => checkPasswordPolicy("كلمة سر طويلة جدا", "alice"));
  });

  test("too long, containing the user name, or one character repeated: bad input naming the password", () => {
    const cases: [string, RegExp][] = [
      [`${"x".repeat(PASSWORD_MAX_LENGTH)}yz`, /at most 256/],
      ["my name is Alice.Smith!", /may not contain the user name/],
      ["aaaaaaaaaaaaaaaa", /one character repeated/],
    ];
    for (const [password, reason] of cases) {
      assert.throws(
        () => checkPasswordPolicy(password, "alice.smith"),
        (error: Error & { code?: string; where?: string }) =>
          error.code === "bad_input" && error.where === "password" && reason.test(error.message),
        password,
      );
    }
  });

  test("a generated password meets the policy and differs each time", () => {
    const [a, b] = [generatePassword(), generatePassword()];
    assert.notEqual(a, b);
    assert.doesNotThrow(() => checkPasswordPolicy(a, "demo.operator"));
    assert.equal(a.length, 24);
  });
});
