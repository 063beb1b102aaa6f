// The design catalogue's sample data (/ontwerp): fictional companies, chart figures, colours and
// the options of its example form. Nothing here is real or stored.
import type { BadgeTone } from "~/components/ui/badge";

export const STATUSES = ["paid", "open", "late"] as const;
export type Status = (typeof STATUSES)[number];
export type SampleCompany = { id: string; name: string; place: string; contributionCents: number; status: Status; joinedAt: string };

export const SAMPLE_COMPANIES: SampleCompany[] = [
  ["Van der Linden Installatietechniek", "Roermond", 50000, "paid", "2016-09-01T08:00:00Z"],
  ["Maasbouw Constructie", "Maasbracht", 100000, "paid", "2017-03-14T09:30:00Z"],
  ["Kurvers Elektrotechniek", "Echt", 25000, "open", "2018-10-27T23:30:00Z"],
  ["Gielen Metaal", "Roermond", 50000, "late", "2019-01-15T10:00:00Z"],
  ["Hermans Mechatronica", "Venlo", 75000, "paid", "2019-06-03T12:15:00Z"],
  ["Bakker Duurzame Energie", "Weert", 25000, "paid", "2020-02-20T07:45:00Z"],
  ["De Groot Zorgtechniek", "Sittard", 50000, "open", "2020-11-09T13:00:00Z"],
  ["Peeters Logistiek", "Venlo", 123456, "paid", "2021-03-28T00:30:00Z"],
  ["Jansen Houtbewerking", "Panningen", 25000, "late", "2021-05-17T15:20:00Z"],
  ["Smeets Klimaattechniek", "Stein", 50000, "paid", "2021-09-30T09:00:00Z"],
  ["Willems Automotive", "Roermond", 100000, "open", "2022-01-11T11:11:00Z"],
  ["Vos Laser & Plaatwerk", "Echt", 50000, "paid", "2022-04-04T06:00:00Z"],
  ["Claessens Robotica", "Sittard", 150000, "paid", "2022-08-22T14:30:00Z"],
  ["Maasdal Waterbeheer", "Maasbracht", 25000, "open", "2022-12-01T08:00:00Z"],
  ["Hendriks Bouwkunde", "Weert", 50000, "late", "2023-02-13T10:45:00Z"],
  ["Schreurs Voeding", "Panningen", 25000, "paid", "2023-05-08T12:00:00Z"],
  ["Coenen Drukwerk", "Roermond", 25000, "paid", "2023-10-29T01:30:00Z"],
  ["Lemmens Installaties", "Venlo", 75000, "open", "2024-01-24T09:15:00Z"],
  ["Vermeulen Agro", "Echt", 50000, "paid", "2024-03-31T01:00:00Z"],
  ["Driessen ICT", "Stein", 100000, "paid", "2024-06-18T16:40:00Z"],
  ["Frissen Elektro", "Sittard", 25000, "late", "2024-09-02T07:30:00Z"],
  ["Quaedvlieg Machinebouw", "Maasbracht", 150000, "paid", "2025-01-06T10:00:00Z"],
  ["Brouwers Schilderwerken", "Weert", 25000, "open", "2025-03-03T13:45:00Z"],
].map(([name, place, contributionCents, status, joinedAt], i) => ({
  id: `c${i + 1}`,
  name: name as string,
  place: place as string,
  contributionCents: contributionCents as number,
  status: status as Status,
  joinedAt: joinedAt as string,
}));

// Sample figures for the chart example (fictional).
export const CHART_SAMPLE = [
  { year: "2021-2022", companies: 38, paidCents: 1_525_000 },
  { year: "2022-2023", companies: 44, paidCents: 1_980_000 },
  { year: "2023-2024", companies: 47, paidCents: 2_310_000 },
  { year: "2024-2025", companies: 51, paidCents: 2_487_500 },
  { year: "2025-2026", companies: 54, paidCents: 2_712_500 },
];

// The example form's options.
export const TOPICS = ["cases", "challenges", "meetings"] as const;
export const ROLES = ["company", "teacher", "board"] as const;
export const RSVP = ["yes", "no", "maybe"] as const;

// The catalogue's sections, in the order of the page (their ids are the anchors).
export const SECTIONS = ["kleuren", "knoppen", "formulieren", "uploaden", "opmaak", "statussen", "cijfers", "grafiek", "meldingen", "leeg", "tabel", "dialogen", "toasts", "laden"] as const;

export const COLOURS = [
  { name: "brand-50", hex: "#eef6ff", use: "tint" },
  { name: "brand-100", hex: "#d9eaff", use: "tint" },
  { name: "brand-600", hex: "#1d5fb8", use: "border" },
  { name: "brand-700", hex: "#174c94", use: "action" },
  { name: "brand-800", hex: "#143f7a", use: "focus" },
  { name: "accent-500", hex: "#f2a900", use: "accent" },
] as const;

export const STATUS_TONE: Record<Status, BadgeTone> = { paid: "success", open: "info", late: "danger" };

// Around the switch to summer time (30 March 2025, 02:00 → 03:00 in Amsterdam).
export const BEFORE_SWITCH = "2025-03-30T00:30:00Z";
export const AFTER_SWITCH = "2025-03-30T01:30:00Z";
