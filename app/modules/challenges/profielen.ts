// The ten beroepsgerichte profielen of the vmbo, as a fixed list so the monitoring counts per
// profiel add up (free text gave "PIE", "pie" and "Installeren" for one profiel). Stored as the
// usual abbreviation; shown with its full name (teams:profiel.<code>). Pure: used by forms.
export const PROFIELEN = ["BWI", "PIE", "MOB", "MaT", "MVI", "ZW", "EO", "HBR", "GR", "DP"] as const;
export type Profiel = (typeof PROFIELEN)[number];

const NAMES: Record<Profiel, string[]> = {
  BWI: ["bouwen, wonen en interieur"],
  PIE: ["produceren, installeren en energie"],
  MOB: ["mobiliteit en transport", "mt"],
  MaT: ["maritiem en techniek", "m&t"],
  MVI: ["media, vormgeving en ict"],
  ZW: ["zorg en welzijn", "z&w"],
  EO: ["economie en ondernemen", "e&o"],
  HBR: ["horeca, bakkerij en recreatie"],
  GR: ["groen"],
  DP: ["dienstverlening en producten", "d&p"],
};

export function isProfiel(value: unknown): value is Profiel {
  return typeof value === "string" && (PROFIELEN as readonly string[]).includes(value);
}

/**
 * The profiel a stored value stands for: a code or a full name typed in any case (values from
 * before the fixed list), or null when it matches none (then it is shown as it was typed).
 */
export function profielOf(stored: string | null | undefined): Profiel | null {
  if (!stored) return null;
  const key = stored.trim().toLowerCase().replace(/\s+/g, " ");
  for (const code of PROFIELEN) if (code.toLowerCase() === key || NAMES[code].includes(key)) return code;
  return null;
}
