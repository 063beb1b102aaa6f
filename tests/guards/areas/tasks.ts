// Guards for background tasks (/taken, /taken/<id>), the bulk invitation form on the board's people
// page, and the board's view of the dashboard (its chart queries). See types.ts.
import fc from "fast-check";
import { BULK_INVITE_MAX } from "../../../app/modules/tasks/bulk-invite.server";
import { ROLES } from "../../../app/modules/auth/roles";
import { cellsOf } from "../cells";
import { email, form, fresh, redirected, setCookie, type FormAction } from "../kit";
import type { GuardArea } from "./types";

const SIGNED_IN = ["board", "contactA", "contactB", "schoolContactA", "schoolContactB", "teacherA", "teacherB", "pupilA", "jurorA", "officialA"] as const;

const bulkInvite: FormAction = {
  // A second row for the people page's action: its bulk form (the core row fuzzes the others).
  route: "routes/bestuur.mensen",
  path: "/bestuur/mensen",
  reads: { as: "conform" },
  refusal: "4xx",
  fields: ["intent", "emails", "role", "companyId", "schoolId"],
  aimed: {
    emails: ["", "\n\n", Array.from({ length: BULK_INVITE_MAX + 1 }, (_, i) => `p${i}@x.example`).join("\n"), "a@b.nl\u0000\nc@d.nl"],
    role: ["PUPIL", "board"],
    companyId: ["x'--", "../", ""],
  },
  tables: ["BackgroundTask", "Job", "AuditLog"],
  variants: [
    {
      name: "bulk-invite",
      valid: fc.constantFrom(...ROLES).chain((role) =>
        form({
          intent: fc.constant("bulk-invite"),
          emails: fc.array(fc.oneof(email, fc.constantFrom("geen adres", "x@", "")), { minLength: 1, maxLength: 6 }).map((lines) => [`${fresh("bulk-")}@guards.example`, ...lines].join("\n")),
          role: fc.constant(role),
          companyId: role === "COMPANY_CONTACT" ? fc.constant("{companyId}") : fc.constant(undefined),
          schoolId: role === "SCHOOL_CONTACT" || role === "TEACHER" ? fc.constant("{schoolId}") : fc.constant(undefined),
        }),
      ),
      prepare: async (ctx) => ({ cookie: ctx.world.cookies.board, values: { companyId: ctx.world.companyA.id, schoolId: ctx.world.schoolA.id } }),
      accepted: (res) => redirected(res, "/taken/") && setCookie(res, "vv_toast"),
      async stored(ctx, _fx, value, res) {
        const taskId = (res.headers.get("Location") ?? "").split("/taken/")[1] ?? "";
        const task = await ctx.db.backgroundTask.findUnique({ where: { id: taskId } });
        if (!task) return "task";
        const lines = value.emails as string[];
        if (task.kind !== "bulk-invite" || task.total !== lines.length) return `task ${task.kind} with total ${task.total} ≠ ${lines.length}`;
        const job = await ctx.db.job.count({ where: { name: "task.bulk-invite", uniqueKey: `task:${taskId}` } });
        return job ? null : "job";
      },
      shownOn: async (ctx, _fx, _value, res) => [{ path: res.headers.get("Location") ?? "/taken", cookie: ctx.world.cookies.board }],
    },
  ],
};

export const tasksArea: GuardArea = {
  name: "tasks",

  async seedWorld({ db, mk, world }) {
    // A finished bulk invitation of teacher A whose result lists a line (the marker).
    const line = mk("taskLine");
    const task = await db.backgroundTask.create({
      data: {
        kind: "bulk-invite",
        ownerId: world.userIds.teacherA,
        status: "DONE",
        total: 2,
        done: 2,
        failed: 1,
        input: {},
        result: { invited: 1, invalid: [line], duplicates: [] },
        createdAt: new Date("2026-11-01T09:00:00Z"),
        finishedAt: new Date("2026-11-01T09:01:00Z"),
      },
    });
    world.params.taskId = task.id;
    // Everyone's own list shows the link to their own task (its id is the marker).
    for (const role of SIGNED_IN) {
      const own = await db.backgroundTask.create({
        data: { kind: "bulk-invite", ownerId: world.userIds[role], status: "QUEUED", total: 3, input: {}, createdAt: new Date("2026-11-02T09:00:00Z") },
      });
      world.markers[`task-${role}`] = own.id;
    }
  },

  rows: {
    "routes/taken._index": {
      why: "Everyone signed in sees their own tasks (the marker: the id of their own task in its link), nobody else's.",
      path: () => "/taken",
      marker: (w, role) => (role === "anonymous" ? undefined : w.markers[`task-${role}`]),
      cells: cellsOf(200, { anonymous: "login" }),
    },
    "routes/taken.$taskId": {
      why: "A task is seen by the person who started it and by the board; for anyone else it does not exist (404).",
      path: (w) => `/taken/${w.params.taskId}`,
      marker: (w) => w.markers.taskLine,
      cells: cellsOf(404, { anonymous: "login", board: 200, teacherA: 200 }),
    },
  },

  actions: [bulkInvite],

  pages: {
    "routes/taken._index": { as: "board", path: () => "/taken" },
    "routes/taken.$taskId": { as: "board", path: (d) => `/taken/${d.params.taskId}` },
    // The board's dashboard has the chart and the count of applications (the others have neither).
    "routes/dashboard": { as: "board", path: () => "/dashboard" },
  },

  async seedDataset({ db, scale, tag, boardId, units }) {
    let taskId = "";
    for (let i = 0; i < 3 * scale; i++) {
      const task = await db.backgroundTask.create({
        data: {
          kind: "bulk-invite",
          ownerId: boardId,
          status: "DONE",
          total: 10,
          done: 10,
          failed: 2,
          input: {},
          result: { invited: 8, invalid: [`regel-${tag}-${i}`, "x@"], duplicates: [] },
          createdAt: new Date(Date.UTC(2026, 10, 1, 9, i)),
        },
      });
      taskId = task.id;
    }
    // Contribution invoices over two school years, so the dashboard's chart has rows to group.
    const years = await Promise.all(
      [2024, 2025].map((startYear) =>
        db.schoolYear.upsert({
          where: { startYear },
          update: {},
          create: { startYear, startsOn: new Date(Date.UTC(startYear, 7, 1)), endsOn: new Date(Date.UTC(startYear + 1, 6, 31)) },
        }),
      ),
    );
    const companyIds = units.flatMap((u) => u.companyIds);
    let n = 0;
    for (const year of years) {
      for (const companyId of companyIds) {
        n++;
        const at = new Date(Date.UTC(year.startYear, 8, 1));
        await db.invoice.create({
          data: {
            number: `QB-${tag}-${year.startYear}-${n}`,
            companyId,
            schoolYearId: year.id,
            kind: "CONTRIBUTION",
            status: n % 2 ? "PAID" : "OPEN",
            description: "Jaarbijdrage",
            periodStart: at,
            periodEnd: new Date(Date.UTC(year.startYear + 1, 7, 31)),
            issuedAt: at,
            dueAt: new Date(Date.UTC(year.startYear, 9, 1)),
            netCents: 50000,
            vatMode: "EXEMPT",
            vatRateBp: 0,
            vatCents: 0,
            totalCents: 50000,
            seller: {},
            buyer: {},
            accessToken: `qb-${tag}-${n}-${fresh("t")}`,
            paidAt: n % 2 ? at : null,
            createdAt: at,
            updatedAt: at,
          },
        });
      }
    }
    return { taskId };
  },
};
