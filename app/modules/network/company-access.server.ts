// Who may open a company's own pages (/bedrijf/<id>/…) is decided in the auth module (one way to
// check access); this re-export keeps the older import path working.
export { requireCompanyAccess, type CompanyAccess } from "~/modules/auth/access.server";
