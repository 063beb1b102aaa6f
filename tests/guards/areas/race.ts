// Guards for race day (issue 18). This first slice has no routes yet: the area gives the
// officialA fixture its OFFICIAL role, scoped to race edition A (with a heat in each of two
// editions), so every existing route is already tried as an official of one edition — who may
// see nothing but the pages every signed-in person sees. The race pages (entry, live leaderboard,
// team view) add their rows, cross-tenant rows (edition B's heat) and hostile-input rows here.
import { now } from "../../../app/utils/clock.server";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { assignRole } from "../../../prisma/factories";
import { fresh } from "../kit";
import type { GuardArea } from "./types";

async function raceEdition(db: PrismaClient, name: string) {
  const at = now();
  const day = (n: number) => new Date(at.getTime() + n * 86_400_000);
  const challenge = await db.challenge.create({ data: { slug: fresh("guards-race-"), name: `Race ${name}`, description: "Guards", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name, slug: fresh("guards-race-edition-"),
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at,
      categories: { create: [{ name: "Vmbo", schoolType: "VMBO", position: 0 }] },
    },
    include: { categories: true },
  });
  const heat = await db.raceHeat.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, number: 1, name, status: "RUNNING", createdAt: at, updatedAt: at } });
  return { edition, heat };
}

export const raceArea: GuardArea = {
  name: "race",
  async seedWorld({ db, mk, world }) {
    const a = await raceEdition(db, `Race A ${mk("rcEditionA")}`);
    const b = await raceEdition(db, `Race B ${mk("rcEditionB")}`);
    await assignRole(db, world.userIds.officialA, "OFFICIAL", { editionId: a.edition.id });
    Object.assign(world.params, { rcEditionA: a.edition.id, rcEditionB: b.edition.id, rcHeatA: a.heat.id, rcHeatB: b.heat.id });
  },
};
