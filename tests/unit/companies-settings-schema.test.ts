// The settings page's input rules (app/modules/companies/settings.schema.ts): euros and IBAN.
import { describe, expect, it } from "vitest";
import { isIban, parseEuros, SettingsActionSchema } from "~/modules/companies/settings.schema";

describe("parseEuros", () => {
  it("reads Dutch and English amounts as cents", () => {
    expect(parseEuros("1.234,56")).toBe(123_456);
    expect(parseEuros("12,5")).toBe(1_250);
    expect(parseEuros("12.5")).toBe(1_250);
    expect(parseEuros("1,234.56")).toBe(123_456);
    expect(parseEuros("€ 250")).toBe(25_000);
    expect(parseEuros("0")).toBe(0);
  });
  it("refuses what is no amount", () => {
    for (const text of ["", "abc", "-5", "1.2.3,456", "12,5€x", ",50"]) expect(parseEuros(text), text).toBeNull();
  });
});

describe("isIban", () => {
  it("accepts a valid IBAN, also lower case and spaced", () => {
    expect(isIban("NL91ABNA0417164300")).toBe(true);
    expect(isIban("NL91 ABNA 0417 1643 00")).toBe(true);
    expect(isIban("nl91 abna 0417 1643 00")).toBe(true);
  });
  it("refuses a wrong checksum or shape", () => {
    expect(isIban("NL92 ABNA 0417 1643 00")).toBe(false);
    expect(isIban("NL91ABNA")).toBe(false);
    expect(isIban("91NLABNA0417164300")).toBe(false);
    expect(isIban("")).toBe(false);
  });
});

describe("the tier amount and the settings IBAN in the action schema", () => {
  it("turns a tier amount into cents and refuses one below € 1", () => {
    const ok = SettingsActionSchema.safeParse({ intent: "tier-create", name: "Goud", amount: "1.234,56" });
    expect(ok.success && ok.data.intent === "tier-create" && ok.data.amount).toBe(123_456);
    expect(SettingsActionSchema.safeParse({ intent: "tier-create", name: "Goud", amount: "0,50" }).success).toBe(false);
    expect(SettingsActionSchema.safeParse({ intent: "tier-create", name: "Goud", amount: "veel" }).success).toBe(false);
  });
});
