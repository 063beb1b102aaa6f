// Parts of the board's people page: the role fields of both invitation forms, the open
// invitations and everyone with their roles.
import { getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "~/components/ui/dialog";
import { Card } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { DataTable, type Column } from "~/components/ui/table";
import { ROLES } from "~/modules/auth/roles";
import { formatDate } from "~/utils/format";

type Organisations = { companies: { id: string; name: string }[]; schools: { id: string; name: string }[] };

/** Role, and the company or school it needs, for the single and the bulk form. */
export function RoleFields({
  fields,
  organisations,
}: {
  fields: {
    role: Parameters<typeof getSelectProps>[0];
    companyId: Parameters<typeof getSelectProps>[0];
    schoolId: Parameters<typeof getSelectProps>[0];
  };
  organisations: Organisations;
}) {
  const { t } = useTranslation();
  const role = fields.role.value;
  const choose = t("auth:people.choose");
  return (
    <>
      <SelectField
        label={t("auth:people.role")}
        placeholder={choose}
        options={ROLES.map((r) => ({ value: r, label: t(`auth:roles.${r}`) }))}
        {...getSelectProps(fields.role)}
        key={fields.role.key}
        errors={fields.role.errors}
      />
      {/* Without JavaScript both lists show; the server uses the one the role needs. */}
      {role !== "BOARD" && role !== "SCHOOL_CONTACT" && role !== "TEACHER" ? (
        <SelectField
          label={t("auth:people.company")}
          hint={role ? undefined : t("auth:people.companyHint")}
          placeholder={choose}
          options={organisations.companies.map((c) => ({ value: c.id, label: c.name }))}
          {...getSelectProps(fields.companyId)}
          key={fields.companyId.key}
          errors={fields.companyId.errors}
        />
      ) : null}
      {role !== "BOARD" && role !== "COMPANY_CONTACT" ? (
        <SelectField
          label={t("auth:people.school")}
          hint={role ? undefined : t("auth:people.schoolHint")}
          placeholder={choose}
          options={organisations.schools.map((s) => ({ value: s.id, label: s.name }))}
          {...getSelectProps(fields.schoolId)}
          key={fields.schoolId.key}
          errors={fields.schoolId.errors}
        />
      ) : null}
    </>
  );
}

/** The name of a role's company or school, from the lists the page loads anyway (no query per relation). */
const organisationOf = ({ companies, schools }: Organisations) => (companyId: string | null, schoolId: string | null) =>
  (companyId ? companies.find((c) => c.id === companyId)?.name : schoolId ? schools.find((s) => s.id === schoolId)?.name : undefined) ?? null;

type Invitation = { id: string; email: string; role: string; companyId: string | null; schoolId: string | null; expiresAt: string };

export function OpenInvitations({ invitations, organisations }: { invitations: Invitation[]; organisations: Organisations }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const organisation = organisationOf(organisations);
  const invitationColumns: Column<Invitation>[] = [
    { key: "email", header: t("auth:people.email"), rowHeader: true, cell: (inv) => <span className="break-all">{inv.email}</span> },
    {
      key: "role",
      header: t("auth:people.role"),
      cell: (inv) => `${t(`auth:roles.${inv.role}`)}${organisation(inv.companyId, inv.schoolId) ? ` · ${organisation(inv.companyId, inv.schoolId)}` : ""}`,
    },
    {
      key: "expires",
      header: t("auth:people.expiresHeader"),
      hideOnPhone: true,
      cell: (inv) => <time dateTime={inv.expiresAt}>{formatDate(inv.expiresAt, lang, "short")}</time>,
    },
    {
      key: "actions",
      header: t("auth:people.actions"),
      cell: (inv) => (
        <ConfirmDialog
          title={t("auth:people.revokeTitle")}
          triggerLabel={
            <>
              {t("auth:people.revoke")}
              <span className="sr-only"> ({inv.email})</span>
            </>
          }
          triggerVariant="secondary"
          confirmLabel={t("auth:people.revokeConfirm")}
          fields={{ intent: "revoke-invitation", invitationId: inv.id }}
          preventScrollReset
        >
          <p>{t("auth:people.revokeText", { email: inv.email })}</p>
        </ConfirmDialog>
      ),
    },
  ];

  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("auth:people.openInvitations")}</h2>
    <div className="mt-3">
      <DataTable
        caption={t("auth:people.openInvitations")}
        columns={invitationColumns}
        rows={invitations}
        rowKey={(inv) => inv.id}
        search={false}
        state={{ sort: "", dir: "asc", q: "", page: 1, pages: 1, total: invitations.length, pageSize: Math.max(invitations.length, 1) }}
        empty={<p className="text-slate-700">{t("auth:people.noInvitations")}</p>}
      />
    </div>
  </Card>
  );
}

type Person = { id: string; name: string; email: string | null; roles: { id: string; role: string; companyId: string | null; schoolId: string | null }[] };

export function PeopleList({ people, organisations }: { people: Person[]; organisations: Organisations }) {
  const { t } = useTranslation();
  const organisation = organisationOf(organisations);
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("auth:people.peopleTitle")}</h2>
    <ul className="mt-3 divide-y divide-slate-100">
      {people.map((person) => (
        <li key={person.id} className="py-3">
          <p className="font-semibold">
            {person.name} <span className="font-normal break-all text-slate-600">{person.email}</span>
          </p>
          {person.roles.length === 0 ? <p className="text-sm text-slate-600">{t("auth:people.noRoles")}</p> : null}
          <ul className="mt-1 space-y-1">
            {person.roles.map((r) => {
              const org = organisation(r.companyId, r.schoolId);
              const label = `${t(`auth:roles.${r.role}`)}${org ? ` · ${org}` : ""}`;
              return (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span>{label}</span>
                  <ConfirmDialog
                    title={t("auth:people.removeTitle")}
                    triggerLabel={
                      <>
                        {t("auth:people.remove")}
                        <span className="sr-only"> ({t("auth:people.removeLabel", { role: label, name: person.name })})</span>
                      </>
                    }
                    triggerVariant="ghost"
                    confirmLabel={t("auth:people.removeConfirm")}
                    fields={{ intent: "remove-role", roleId: r.id }}
                    preventScrollReset
                  >
                    <p>{t("auth:people.removeText", { role: label, name: person.name })}</p>
                  </ConfirmDialog>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  </Card>
  );
}
