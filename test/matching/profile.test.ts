import assert from "node:assert/strict";
import { test } from "node:test";
import { profileFromEntities } from "../../src/matching/profile.ts";
import type { FtmEntity } from "../../src/model/entity.ts";

test("named subjects become profiles; passports join their holder", () => {
  const entities: FtmEntity[] = [
    {
      id: "syn-1",
      schema: "Person",
      listRef: "SYN.1",
      properties: {
        name: ["Yusuf Tahhanov"],
        alias: ["Abu Yusuf"],
        weakAlias: ["Tahha"],
        firstName: ["Yusuf"],
        fatherName: ["Rashid"],
        lastName: ["Tahhanov"],
        birthDate: ["1988-02-03"],
        nationality: ["sy"],
        gender: ["male"],
      },
    },
    {
      id: "doc-1",
      schema: "Passport",
      properties: { holder: ["syn-1"], number: ["N1234567"], country: ["sy"] },
    },
    { id: "org-1", schema: "Company", properties: { name: ["Synthetic Trading LLC"], jurisdiction: ["ae"] } },
    { id: "addr-1", schema: "Address", properties: { full: ["Somewhere"] } },
  ];
  const profiles = profileFromEntities(entities);
  assert.deepEqual(
    profiles.map((p) => p.entityId),
    ["syn-1", "org-1"],
  );
  const person = profiles[0];
  assert.deepEqual(person?.names, ["Yusuf Tahhanov", "Abu Yusuf", "Tahha", "Yusuf Rashid Tahhanov"]);
  assert.deepEqual(person?.documents, [{ number: "N1234567", country: "sy", type: "passport" }]);
  assert.equal(person?.listRef, "SYN.1");
  assert.deepEqual(person?.birthDates, ["1988-02-03"]);
  assert.deepEqual(profiles[1]?.nationalities, ["ae"]);
});
