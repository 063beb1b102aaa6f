import { useTranslation } from "react-i18next";

/**
 * A field people never see or fill in (off screen, hidden from assistive technology, skipped by the
 * keyboard and by autofill); a simple bot fills every field and is refused. Name: HONEYPOT_FIELD.
 */
export function Honeypot() {
  const { t } = useTranslation("common");
  return (
    <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", top: "auto", width: 1, height: 1, overflow: "hidden" }}>
      <label>
        {t("honeypot")}
        <input type="text" name="vv_website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
