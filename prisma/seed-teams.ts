// Demo data for teams of pupils and consent (issue 8, points 4–5): two teams of the Maasdal
// College in the Young Solar Challenge (registration open) with three pupils each (pupil accounts without
// e-mail), Rob Kurvers and Mieke Driessen as begeleiders, some consents given and one withdrawn.
// Runs after seed-challenges.ts; without a Young Solar Challenge edition it does nothing. Dated
// relative to the seeding day, like the editions.
import type { Prisma } from "../app/generated/prisma/client";
import { teamNameKey } from "../app/modules/challenges/teams";
import { schoolYearOf } from "../app/modules/companies/school-year";
import { now } from "../app/utils/clock.server";
import { dayAt } from "./seed-dates";

type Tx = Prisma.TransactionClient;

const TEAMS: Array<{ name: string; pupils: Array<[firstName: string, className: string, leerweg: string]> }> = [
  { name: "De Zonnekoningen", pupils: [["Sem", "3KB1", "KB"], ["Noa", "3KB1", "KB"], ["Daan", "3BB2", "BB"]] },
  { name: "Maasstroom Racing", pupils: [["Lina", "4GL1", "GL"], ["Milan", "4TL2", "TL"], ["Yara", "4TL2", "TL"]] },
];

export async function seedTeams(tx: Tx): Promise<void> {
  const edition = await tx.edition.findFirst({
    where: { challenge: { slug: "young-solar-challenge" } },
    orderBy: { year: "desc" },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  const school = await tx.school.findFirst({ where: { brin: "14AB" }, select: { id: true } });
  if (!edition || !school || edition.categories.length === 0) return;
  const coaches = await tx.user.findMany({ where: { name: { in: ["Rob Kurvers", "Mieke Driessen"] } }, select: { id: true, name: true } });
  const rob = coaches.find((c) => c.name === "Rob Kurvers");
  // Registered four weeks ago (the edition opened five weeks ago), consent on paper two days later.
  const created = new Date(Math.max(dayAt(-27).getTime(), edition.registrationOpensAt.getTime() + 3_600_000));
  const consentAt = new Date(created.getTime() + 2 * 86_400_000);
  const withdrawnAt = new Date(Math.min(consentAt.getTime() + 8 * 86_400_000, now().getTime() - 3_600_000));
  const schoolYear = schoolYearOf(now());
  for (const [index, spec] of TEAMS.entries()) {
    const category = edition.categories[index % edition.categories.length]!;
    const team = await tx.team.create({
      data: {
        editionId: edition.id, categoryId: category.id, schoolId: school.id, name: spec.name, nameKey: teamNameKey(spec.name),
        createdById: rob?.id ?? null, createdAt: created, updatedAt: created,
        coaches: { create: coaches.map((c) => ({ userId: c.id })) },
      },
    });
    for (const [position, [firstName, className, leerweg]] of spec.pupils.entries()) {
      const user = await tx.user.create({ data: { name: firstName, email: null, locale: "nl", roles: { create: [{ role: "PUPIL", schoolId: school.id }] } } });
      const pupil = await tx.pupil.create({
        data: { schoolId: school.id, firstName, className, leerjaar: Number(className[0]), leerweg, userId: user.id, schoolYear, createdAt: created },
      });
      await tx.teamMember.create({ data: { teamId: team.id, pupilId: pupil.id, position: position + 1 } });
      // The first two pupils of each team have consent on paper; in the second team one was withdrawn.
      if (position < 2) {
        await tx.consent.create({
          data: {
            pupilId: pupil.id, givenBy: "PARENT", giverName: `Ouder van ${firstName}`, channel: "PAPER", publishName: true, publishPhotos: position === 0,
            textVersion: "v2026", // the version of the consent text (CURRENT_CONSENT_TEXT), not a date
            at: consentAt, recordedById: rob?.id ?? null,
            ...(index === 1 && position === 1 ? { withdrawnAt, withdrawnById: rob?.id ?? null } : {}),
          },
        });
      }
    }
    await tx.auditLog.create({ data: { at: created, actorId: rob?.id ?? null, action: "team.register", entityType: "Team", entityId: team.id, meta: { seed: true } } });
  }
}
