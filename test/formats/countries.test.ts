import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addCountry, countryCode, countryCodeOrName, isNoCountry } from "../../src/formats/countries.ts";
import type { Properties } from "../../src/model/entity.ts";
import { ftmModel } from "../../src/model/schema.ts";

describe("country names to FtM codes", () => {
  it("knows every FtM label", () => {
    for (const [code, label] of ftmModel.getType("country").values)
      assert.equal(countryCode(label), code, label);
  });

  it("knows the UN's and OFAC's official and inverted forms", () => {
    const cases: [string, string][] = [
      ["Democratic Republic of the Congo", "cd"],
      ["Congo, Democratic Republic of the", "cd"],
      ["Iran (Islamic Republic of)", "ir"],
      ["Democratic People's Republic of Korea", "kp"],
      ["Korea, North", "kp"],
      ["United Kingdom of Great Britain and Northern Ireland", "gb"],
      ["Bahamas, The", "bs"],
      ["St. Kitts & Nevis", "kn"],
      ["Cote d Ivoire", "ci"],
      ["TURKEY", "tr"],
      ["Région: Crimea", "ua-cri"],
      ["China, Hong Kong Special Administrative Region", "hk"],
    ];
    for (const [name, code] of cases) assert.equal(countryCode(name), code, name);
  });

  it("accepts codes only where asked, and treats placeholders as no country", () => {
    assert.equal(countryCode("DE"), undefined);
    assert.equal(countryCodeOrName("DE"), "de");
    assert.equal(countryCodeOrName("Germany"), "de");
    assert.ok(isNoCountry("na") && isNoCountry("None Identified") && isNoCountry("undetermined"));
    assert.equal(countryCode("na"), undefined, "the UN's 'na' is not Namibia");
  });

  it("keeps a name it cannot map as a note instead of losing it", () => {
    const properties: Properties = {};
    addCountry(properties, "nationality", "Atlantis");
    addCountry(properties, "nationality", "na");
    addCountry(properties, "nationality", "Syrian Arab Republic");
    assert.deepEqual(properties, { notes: ["nationality: Atlantis"], nationality: ["sy"] });
  });
});
