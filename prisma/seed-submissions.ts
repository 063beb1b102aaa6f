// Demo data for submissions (issue 8, point 6): one team of the Young Solar Challenge has
// handed in twice (a teacher's first version, then a pupil's). Runs after the teams seed; without
// that edition or its teams it does nothing.
import type { Prisma } from "../app/generated/prisma/client";
import { now } from "../app/utils/clock.server";

type Tx = Prisma.TransactionClient;

const DAY = 86_400_000;

export async function seedSubmissions(tx: Tx): Promise<void> {
  const edition = await tx.edition.findFirst({
    where: { challenge: { slug: "young-solar-challenge" } },
    orderBy: { year: "desc" },
    select: { id: true, registrationOpensAt: true },
  });
  if (!edition) return;
  const team = await tx.team.findFirst({
    where: { editionId: edition.id, status: "REGISTERED", submission: { is: null } },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      schoolId: true,
      coaches: { select: { userId: true }, take: 1 },
      members: { where: { pupil: { userId: { not: null } } }, select: { pupil: { select: { userId: true } } }, take: 1 },
    },
  });
  if (!team) return;
  const teacher =
    team.coaches[0]?.userId ??
    (await tx.roleAssignment.findFirst({ where: { role: "TEACHER", schoolId: team.schoolId }, select: { userId: true } }))?.userId ??
    null;
  const pupil = team.members[0]?.pupil.userId ?? teacher;
  const at = now().getTime();
  // A few days ago, but never before the edition opened.
  const when = (days: number) => new Date(Math.max(at - days * DAY, edition.registrationOpensAt.getTime() + 60_000));
  const submission = await tx.submission.create({ data: { teamId: team.id, createdAt: when(6), updatedAt: when(2) } });
  await tx.submissionVersion.createMany({
    data: [
      {
        submissionId: submission.id,
        number: 1,
        description: "Onze boot krijgt twee drijvers van piepschuim met een dek van multiplex. Het zonnepaneel ligt plat op het dek.",
        videoUrl: null,
        marketingPlan: "We verkopen de boot aan zwembaden, voor zwemlessen met een knipoog naar duurzaamheid.",
        fileIds: [],
        submittedById: teacher,
        at: when(6),
      },
      {
        submissionId: submission.id,
        number: 2,
        description:
          "Onze boot krijgt twee drijvers van piepschuim met een dek van multiplex. Het zonnepaneel staat schuin, zodat het meer zon vangt. De motor komt uit een oude ventilator.",
        videoUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        marketingPlan:
          "We verkopen de boot aan zwembaden en scouting. In de les laten we zien hoeveel stroom een paneel geeft; op de open dag varen bezoekers zelf.",
        fileIds: [],
        submittedById: pupil,
        at: when(2),
      },
    ],
  });
}
