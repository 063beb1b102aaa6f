// The foundation's own details and the network's settings (one row, id "foundation"). Reading
// never writes: without a row, the defaults below apply until the board saves the settings page.
import type { FoundationSettings } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";

export const FOUNDATION_SETTINGS_ID = "foundation";

export type Settings = Omit<FoundationSettings, "updatedAt"> & { updatedAt: Date | null; saved: boolean };

export const DEFAULT_SETTINGS: Omit<Settings, "updatedAt" | "saved"> = {
  id: FOUNDATION_SETTINGS_ID,
  name: "Stichting Vrienden van het Maasdal College",
  address: "",
  postcode: "",
  city: "",
  kvkNumber: "",
  vatNumber: null,
  vatExemptionReason: null,
  iban: "",
  email: "",
  contributionVatMode: "EXEMPT",
  contributionVatRateBp: 0,
  graceMonths: 3,
  paymentTermDays: 30,
  invoiceMonth: 9,
  invoiceDay: 1,
  reminderDays: [30, 60],
};

export async function getFoundationSettings(client: Tx = db): Promise<Settings> {
  const row = await client.foundationSettings.findUnique({ where: { id: FOUNDATION_SETTINGS_ID } });
  return row ? { ...row, saved: true } : { ...DEFAULT_SETTINGS, updatedAt: null, saved: false };
}

/** Can invoices be made? They need the foundation's name, address, KvK number and IBAN. */
export function invoiceDetailsComplete(settings: Settings): boolean {
  return Boolean(settings.name && settings.address && settings.postcode && settings.city && settings.kvkNumber && settings.iban);
}
