import { describe, expect, it } from "vitest";
import { drainJobs } from "~/modules/jobs/jobs.server";
import { BULK_INVITE_BATCH } from "~/modules/tasks/bulk-invite.server";
import "~/modules/tasks/runners.server";
import { defineTaskRunner, startTask } from "~/modules/tasks/tasks.server";
import { action as peopleAction } from "~/routes/bestuur.mensen";
import { loader as taskLoader } from "~/routes/taken.$taskId";
import { loader as tasksLoader } from "~/routes/taken._index";
import { db } from "~/utils/db.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

async function boardMember() {
  const user = await createUser(db, { name: "Annemiek Gielen" });
  await assignRole(db, user.id, "BOARD");
  return { user, jar: await signedIn(user.id) };
}

describe("background tasks", () => {
  it("report progress while they run and their result when done", async () => {
    const owner = await createUser(db);
    const seen: Array<{ done: number; failed: number; status: string }> = [];
    defineTaskRunner<{ items: number[] }>("test-count", async ({ task, input, progress }) => {
      let done = 0;
      for (const item of input.items) {
        done++;
        await progress(done, item < 0 ? 1 : 0);
        const row = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
        seen.push({ done: row.done, failed: row.failed, status: row.status });
      }
      return { sum: input.items.reduce((a, b) => a + b, 0) };
    });
    const task = await db.$transaction((tx) => startTask(tx, { kind: "test-count", ownerId: owner.id, input: { items: [1, 2, -3] }, total: 3 }));
    expect(task.status).toBe("QUEUED");
    expect(await db.job.count({ where: { name: "task.test-count" } })).toBe(1);
    await drainJobs();
    expect(seen).toEqual([
      { done: 1, failed: 0, status: "RUNNING" },
      { done: 2, failed: 0, status: "RUNNING" },
      { done: 3, failed: 1, status: "RUNNING" },
    ]);
    const after = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ status: "DONE", done: 3, failed: 1, total: 3, result: { sum: 0 }, error: null });
    expect(after.startedAt).not.toBeNull();
    expect(after.finishedAt).not.toBeNull();
  });

  it("end as FAILED with the error, once (no retry that repeats work)", async () => {
    const owner = await createUser(db);
    let runs = 0;
    defineTaskRunner("test-broken", async ({ progress }) => {
      runs++;
      await progress(1);
      throw new Error("the export service is down");
    });
    const task = await db.$transaction((tx) => startTask(tx, { kind: "test-broken", ownerId: owner.id, input: {}, total: 4 }));
    await drainJobs();
    await drainJobs();
    expect(runs).toBe(1);
    const after = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ status: "FAILED", done: 1, error: "the export service is down" });
    const job = await db.job.findFirstOrThrow({ where: { name: "task.test-broken" } });
    expect(job.status).toBe("FAILED");
  });

  it("are not started when the caller's transaction rolls back", async () => {
    const owner = await createUser(db);
    await expect(
      db.$transaction(async (tx) => {
        await startTask(tx, { kind: "test-count", ownerId: owner.id, input: { items: [] }, total: 0 });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.backgroundTask.count({ where: { ownerId: owner.id } })).toBe(0);
  });
});

describe("task pages", () => {
  it("show a task to its owner and the board; others get 404, strangers sign in", async () => {
    const owner = await createUser(db, { name: "Rob" });
    await assignRole(db, owner.id, "TEACHER", { schoolId: (await createSchool(db, { brin: "77AA", vestiging: "00" })).id });
    const other = await createUser(db);
    await assignRole(db, other.id, "TEACHER", { schoolId: (await createSchool(db, { brin: "77BB", vestiging: "00" })).id });
    const { jar: boardJar } = await boardMember();
    const task = await db.$transaction((tx) => startTask(tx, { kind: "bulk-invite", ownerId: owner.id, input: { lines: [] }, total: 7 }));
    const path = `/taken/${task.id}`;

    const ownerJar = await signedIn(owner.id);
    const otherJar = await signedIn(other.id);
    const mine = await respond(() => taskLoader(args(get(path, ownerJar), { taskId: task.id })));
    expect(mine.status).toBe(200);
    expect((await mine.json()).task).toMatchObject({ id: task.id, status: "QUEUED", total: 7, done: 0 });
    const board = await respond(() => taskLoader(args(get(path, boardJar), { taskId: task.id })));
    expect(board.status).toBe(200);
    const stranger = await respond(() => taskLoader(args(get(path, otherJar), { taskId: task.id })));
    expect(stranger.status).toBe(404);
    const unknown = await respond(() => taskLoader(args(get("/taken/nope", boardJar), { taskId: "nope" })));
    expect(unknown.status).toBe(404);
    const hostile = await respond(() => taskLoader(args(get("/taken/x", boardJar), { taskId: "x\u0000'" })));
    expect(hostile.status).toBe(404);
    const anonymous = await respond(() => taskLoader(args(get(path), { taskId: task.id })));
    expect(anonymous.status).toBe(302);

    const list = await (await tasksLoader(args(get("/taken", ownerJar)))).json();
    expect(list.tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const otherList = await (await tasksLoader(args(get("/taken", otherJar)))).json();
    expect(otherList.tasks).toEqual([]);
  });
});

describe("bulk invitations", () => {
  it("start a task from the people page that invites every valid address and lists the rest", async () => {
    const { user: board, jar } = await boardMember();
    const company = await createCompany(db, { name: "Greenport Automatisering" });
    const valid = Array.from({ length: BULK_INVITE_BATCH + 3 }, (_, i) => `persoon${i}@greenport.example`);
    const lines = ["", ...valid.slice(0, 2), "geen-adres", "  Persoon0@Greenport.example  ", ...valid.slice(2), "a@b", ""].join("\r\n");
    const res = await respond(() =>
      peopleAction(args(post("/bestuur/mensen", { intent: "bulk-invite", emails: lines, role: "COMPANY_CONTACT", companyId: company.id }, jar))),
    );
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/taken\/\w+$/);
    expect(res.headers.get("Set-Cookie")).toMatch(/vv_toast=/);
    const taskId = location.split("/").at(-1)!;
    const queued = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(queued).toMatchObject({ kind: "bulk-invite", ownerId: board.id, status: "QUEUED", total: valid.length + 3 });
    // Nothing is sent before the task runs.
    expect(await db.invitation.count()).toBe(0);

    await drainJobs();
    const done = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(done).toMatchObject({ status: "DONE", done: valid.length + 3, failed: 2 });
    expect(done.result).toEqual({ invited: valid.length, invalid: ["geen-adres", "a@b"], duplicates: ["persoon0@greenport.example"] });
    expect(await db.invitation.count({ where: { role: "COMPANY_CONTACT", companyId: company.id, invitedById: board.id } })).toBe(valid.length);
    expect(await db.outboxMessage.count({ where: { template: "invitation" } })).toBe(valid.length);

    const page = await (await taskLoader(args(get(location, jar), { taskId }))).json();
    expect(page.result).toEqual({ invited: valid.length, invalid: ["geen-adres", "a@b"], duplicates: ["persoon0@greenport.example"] });
  });

  it("refuse an empty list, more than 500 lines and a missing company, starting nothing", async () => {
    const { user, jar } = await boardMember();
    const send = (fields: Record<string, string>) => respond(() => peopleAction(args(post("/bestuur/mensen", { intent: "bulk-invite", ...fields }, jar))));
    const empty = await send({ emails: " \n \n", role: "BOARD" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).result.error.emails).toEqual(["auth:errors.bulkEmpty"]);
    const many = await send({ emails: Array.from({ length: 501 }, (_, i) => `p${i}@x.example`).join("\n"), role: "BOARD" });
    expect(many.status).toBe(400);
    expect((await many.json()).result.error.emails).toEqual(["auth:errors.bulkTooMany"]);
    const noCompany = await send({ emails: "a@x.example", role: "COMPANY_CONTACT" });
    expect((await noCompany.json()).result.error.companyId).toEqual(["auth:errors.companyRequired"]);
    const unknownCompany = await send({ emails: "a@x.example", role: "COMPANY_CONTACT", companyId: "c0000000000000000000000" });
    expect(unknownCompany.status).toBe(400);
    expect(await db.backgroundTask.count({ where: { ownerId: user.id } })).toBe(0);
  });
});
