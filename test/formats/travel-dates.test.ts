import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  expandYear,
  isoDate,
  isoTime,
  readDayFirst,
  readDayMonthName,
  readYearFirst,
} from "../../src/formats/travel-dates.ts";

test("a birth year is the latest one not after the reference year", () => {
  assert.equal(expandYear(45, 2020, "past"), 1945);
  assert.equal(expandYear(20, 2020, "past"), 2020);
  assert.equal(expandYear(21, 2020, "past"), 1921);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1950, max: 2100 }), (yy, ref) => {
      const year = expandYear(yy, ref, "past");
      return year <= ref && year > ref - 100 && year % 100 === yy;
    }),
  );
});

test("an expiry or travel year lies within 50 years of the reference", () => {
  assert.equal(expandYear(61, 2014, "near"), 2061);
  assert.equal(expandYear(96, 2026, "near"), 1996);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1950, max: 2100 }), (yy, ref) => {
      const year = expandYear(yy, ref, "near");
      return Math.abs(year - ref) <= 50 && year % 100 === yy;
    }),
  );
});

test("only calendar dates and clock times are read", () => {
  assert.equal(isoDate(2020, 2, 29), "2020-02-29");
  assert.equal(isoDate(2019, 2, 29), undefined);
  assert.equal(isoDate(2019, 13, 1), undefined);
  assert.equal(isoTime("2359"), "23:59");
  assert.equal(isoTime("181348"), "18:13:48");
  assert.equal(isoTime("4321"), undefined);
  assert.equal(isoTime("12:00"), undefined);
});

test("the three orders airline messages write dates in", () => {
  assert.equal(readYearFirst("670603", 2020, "past"), "1967-06-03");
  assert.equal(readYearFirst("20200130", 2000, "near"), "2020-01-30");
  assert.equal(readYearFirst("671303", 2020, "past"), undefined);
  assert.equal(readDayFirst("230513", 2013, "near"), "2013-05-23");
  assert.equal(readDayFirst("310213", 2013, "near"), undefined);
  assert.equal(readDayMonthName("30MAY76", 2013, "past"), "1976-05-30");
  assert.equal(readDayMonthName("10AUG11", 2013, "past"), "2011-08-10");
  assert.equal(readDayMonthName("30XYZ76", 2013, "past"), undefined);
});
