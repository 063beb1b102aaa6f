// A conflict's reasons in words ("U geeft les op Maasdal College"), for the juror's pages.
import { useTranslation } from "react-i18next";

export type ReasonView = { code: string; kind?: string; text?: string | null; name?: string };

export function reasonText(t: (key: string, options?: Record<string, string>) => string, r: ReasonView): string {
  if (r.code === "DECLARED") {
    const kind = t(`scoring:kind.${r.kind ?? "OTHER"}`);
    return r.text ? t("scoring:reason.declaredWithNote", { kind, note: r.text }) : t("scoring:reason.declared", { kind });
  }
  return t(`scoring:reason.${r.code}`, { name: r.name ?? "" });
}

export function ConflictReasons({ reasons }: { reasons: ReasonView[] }) {
  const { t } = useTranslation("scoring");
  return (
    <ul className="list-disc space-y-1 pl-5 text-slate-800">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`}>{reasonText(t, r)}</li>
      ))}
    </ul>
  );
}
