// Issue 15, finding 8: a pupil account cannot ask to become a teacher.
import { describe, expect, it } from "vitest";
import { requestTeacherRole } from "~/modules/challenges/schools.server";
import { action as requestAction, loader as requestLoader } from "~/routes/docent.aanvragen";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

describe("/docent/aanvragen and pupil accounts", () => {
  it("refuses a pupil with 403 on the page and the form, and writes no request", async () => {
    const school = await createSchool(db, { name: "Maasdal College", brin: "31PP", vestiging: "00" });
    const pupil = await createUser(db, { name: "Sem", email: null });
    await assignRole(db, pupil.id, "PUPIL", { schoolId: school.id });
    const jar = await signedIn(pupil.id);
    expect((await respond(() => requestLoader(args(get("/docent/aanvragen", jar))))).status).toBe(403);
    const asked = await respond(() => requestAction(args(post("/docent/aanvragen", { intent: "request", schoolId: school.id }, jar))));
    expect(asked.status).toBe(403);
    // The module refuses too, for any other caller.
    expect(await requestTeacherRole(pupil.id, school.id)).toEqual({ ok: false, error: "challenges:errors.pupilCannotRequest" });
    expect(await db.teacherRequest.count({ where: { userId: pupil.id } })).toBe(0);
  });

  it("still lets an adult without roles ask", async () => {
    const school = await createSchool(db, { name: "Peelland College", brin: "31PQ", vestiging: "00" });
    const person = await createUser(db, { name: "Lars Jacobs" });
    const jar = await signedIn(person.id);
    expect((await respond(() => requestLoader(args(get("/docent/aanvragen", jar))))).status).toBe(200);
    const asked = await respond(() => requestAction(args(post("/docent/aanvragen", { intent: "request", schoolId: school.id }, jar))));
    expect(asked.status).toBe(302);
  });
});
