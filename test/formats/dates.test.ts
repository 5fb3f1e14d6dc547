import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isoDate, MAX_YEAR_RANGE, parseLooseDate, yearsBetween } from "../../src/formats/dates.ts";

describe("list dates", () => {
  it("keeps the precision the source states", () => {
    assert.equal(isoDate("1975"), "1975");
    assert.equal(isoDate("1975-03"), "1975-03");
    assert.equal(isoDate("1975-03-02"), "1975-03-02");
    assert.equal(parseLooseDate("02 Mar 1975"), "1975-03-02");
    assert.equal(parseLooseDate("2 March 1975"), "1975-03-02");
    assert.equal(parseLooseDate("11Jun. 2017"), "2017-06-11");
    assert.equal(parseLooseDate("March 22, 2018"), "2018-03-22");
    assert.equal(parseLooseDate("Nov. 1973 "), "1973-11");
    // A word that is one of Object's own properties is no month.
    assert.equal(parseLooseDate("2 constructor 1975"), undefined);
    assert.equal(parseLooseDate("Sept 1980"), "1980-09");
  });

  it("refuses what is not a real date instead of guessing", () => {
    for (const text of ["1975-02-30", "1975-13", "31/12/1970", "Smarch 1975", "30-35 years old", "75", ""]) {
      assert.equal(isoDate(text) ?? parseLooseDate(text), undefined, text);
    }
  });

  it("spells out year ranges, in either order, and only the ends of a very wide one", () => {
    assert.deepEqual(yearsBetween(1977, 1980), ["1977", "1978", "1979", "1980"]);
    assert.deepEqual(yearsBetween(1980, 1979), ["1979", "1980"]);
    assert.deepEqual(yearsBetween(1900, 1900 + MAX_YEAR_RANGE + 1), [
      "1900",
      String(1900 + MAX_YEAR_RANGE + 1),
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2000 }),
        fc.integer({ min: 0, max: MAX_YEAR_RANGE }),
        (from, span) => {
          const years = yearsBetween(from, from + span);
          assert.equal(years.length, span + 1);
          assert.equal(years[0], String(from));
        },
      ),
    );
  });

  it("reads every date it writes", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          assert.equal(isoDate(iso), iso);
          const [year, month, day] = iso.split("-");
          const name = date.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
          assert.equal(parseLooseDate(`${day} ${name} ${year}`), iso);
          assert.equal(parseLooseDate(`${name} ${year}`), `${year}-${month}`);
        },
      ),
    );
  });
});
