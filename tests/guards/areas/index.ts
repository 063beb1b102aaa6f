// The capability areas the guards know about, each in its own file (see types.ts).
import { companiesArea } from "./companies";
import { invoicesArea } from "./invoices";
import { networkArea } from "./network";
import type { GuardArea } from "./types";

export const AREAS: GuardArea[] = [companiesArea, invoicesArea, networkArea];
