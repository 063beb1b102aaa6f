// The company state machine: every (status, event) pair, allowed or refused.
import { describe, expect, it } from "vitest";
import type { CompanyStatus } from "~/generated/prisma/enums";
import { COMPANY_STATUSES, decideCompanyTransition, isListed, type CompanyEvent } from "~/modules/companies/company-state";

const EVENTS: CompanyEvent[] = ["approve", "reject", "paid", "new-year", "grace-over", "end", "reinstate"];

// The whole table: what each event does in each status; absent = refused.
const EXPECTED: Record<CompanyEvent, Partial<Record<CompanyStatus, CompanyStatus>>> = {
  approve: { APPLIED: "APPROVED" },
  reject: { APPLIED: "REJECTED" },
  paid: { APPROVED: "ACTIVE", GRACE: "ACTIVE", ENDED: "ACTIVE", ACTIVE: "ACTIVE" },
  "new-year": { ACTIVE: "GRACE" },
  "grace-over": { GRACE: "ENDED" },
  end: { APPROVED: "ENDED", ACTIVE: "ENDED", GRACE: "ENDED" },
  reinstate: { ENDED: "APPROVED" },
};

describe("company state machine", () => {
  for (const event of EVENTS) {
    for (const from of COMPANY_STATUSES) {
      const to = EXPECTED[event][from];
      it(`${from} + ${event} → ${to ?? "refused"}`, () => {
        const decision = decideCompanyTransition(from, event);
        if (to) expect(decision).toEqual({ ok: true, to, changed: to !== from });
        else expect(decision.ok).toBe(false);
      });
    }
  }

  it("never leaves REJECTED: a rejected company applies again", () => {
    for (const event of EVENTS) expect(decideCompanyTransition("REJECTED", event).ok).toBe(false);
  });

  it("lists only ACTIVE and GRACE companies in the directory", () => {
    expect(COMPANY_STATUSES.filter(isListed)).toEqual(["ACTIVE", "GRACE"]);
  });
});
