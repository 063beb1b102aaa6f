// A company's place in the network, as a state machine (pure: no database, no clock).
//
//   APPLIED ──approve──▶ APPROVED ──first contribution paid or waived──▶ ACTIVE
//      │                    │                                              │  ▲
//   reject                 end                          new school year, │  │ paid
//      ▼                    ▼                            unpaid invoice   ▼  │
//   REJECTED              ENDED ◀──grace period over, still unpaid── GRACE ─┘
//                           │
//                           └──paid after all / reinstated──▶ ACTIVE
//
// ACTIVE and GRACE companies are in the public directory, so it does not empty when a new school
// year starts: a company only leaves it when its grace period ends unpaid or the board ends it.
import type { CompanyStatus } from "~/generated/prisma/enums";

export const COMPANY_STATUSES = ["APPLIED", "APPROVED", "ACTIVE", "GRACE", "ENDED", "REJECTED"] as const satisfies readonly CompanyStatus[];

/** Why a status changes; each transition is allowed for some reasons only. */
export type CompanyEvent =
  | "approve" // the board approves an application (choosing a tier)
  | "reject" // the board rejects an application, with a reason
  | "paid" // the year's contribution is paid (webhook or board) or waived
  | "new-year" // a new school year began and its contribution is not paid yet
  | "grace-over" // the grace period ended and the contribution is still unpaid
  | "end" // the board ends the company's place in the network (or the company leaves)
  | "reinstate"; // the board takes an ended company back (it is invoiced again)

const TRANSITIONS: Record<CompanyEvent, Partial<Record<CompanyStatus, CompanyStatus>>> = {
  approve: { APPLIED: "APPROVED" },
  reject: { APPLIED: "REJECTED" },
  paid: { APPROVED: "ACTIVE", GRACE: "ACTIVE", ENDED: "ACTIVE", ACTIVE: "ACTIVE" },
  "new-year": { ACTIVE: "GRACE" },
  "grace-over": { GRACE: "ENDED" },
  end: { APPROVED: "ENDED", ACTIVE: "ENDED", GRACE: "ENDED" },
  reinstate: { ENDED: "APPROVED" },
};

export type CompanyDecision = { ok: true; to: CompanyStatus; changed: boolean } | { ok: false; reason: string };

/** What `event` does to a company in status `from`. */
export function decideCompanyTransition(from: CompanyStatus, event: CompanyEvent): CompanyDecision {
  const to = TRANSITIONS[event][from];
  if (!to) return { ok: false, reason: `a company that is ${from} cannot ${event}` };
  return { ok: true, to, changed: to !== from };
}

/** Statuses shown in the public directory. */
export const LISTED_STATUSES = ["ACTIVE", "GRACE"] as const satisfies readonly CompanyStatus[];

/** Statuses of companies in the network (their contacts are network contacts). */
export const NETWORK_STATUSES = ["APPROVED", "ACTIVE", "GRACE"] as const satisfies readonly CompanyStatus[];

export function isListed(status: CompanyStatus): boolean {
  return (LISTED_STATUSES as readonly CompanyStatus[]).includes(status);
}
