import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { partiesToScreen } from "../../src/finance/payment-parties.ts";
import { party, payment } from "./synthetic-payments.ts";

describe("partiesToScreen", () => {
  it("asks for every named party, by role, with the schema its kind implies", () => {
    const screened = partiesToScreen(
      payment({
        debtor: party("Payer", { kind: "person", birthDate: "1990-02-03" }),
        creditor: party("Receiver Ltd", { kind: "organisation" }),
        ultimateCreditor: party("Final Receiver"),
      }),
    );
    assert.deepEqual(
      screened.map(({ role, query }) => [role, query.schema, query.name, query.birthDate]),
      [
        ["debtor", "Person", "SYNTHETIC Payer", "1990-02-03"],
        ["creditor", "Organization", "SYNTHETIC Receiver Ltd", undefined],
        ["ultimateCreditor", "LegalEntity", "SYNTHETIC Final Receiver", undefined],
      ],
    );
    assert.equal(new Set(screened.map(({ query }) => query.id)).size, 3);
  });

  it("leaves out parties known only by BIC or account", () => {
    const screened = partiesToScreen(
      payment({ debtor: { name: "", kind: "organisation", bic: "SYNTGB2L" } }),
    );
    assert.deepEqual(
      screened.map(({ role }) => role),
      ["creditor"],
    );
  });
});
