// The board's view of people and their roles.
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { endAllSessions } from "./session.server";

export async function listPeople() {
  return db.user.findMany({
    where: { email: { not: null } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      roles: {
        select: { id: true, role: true, companyId: true, schoolId: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

export async function listOrganisations() {
  const [companies, schools] = await Promise.all([
    db.company.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { companies, schools };
}

/** Removes one role. The board cannot remove its own last board role (someone must stay in charge). */
export async function removeRole(roleId: string, actorId: string): Promise<"removed" | "not-found" | "last-board-role"> {
  return db.$transaction(async (tx) => {
    const grant = await tx.roleAssignment.findUnique({ where: { id: roleId } });
    if (!grant) return "not-found";
    if (grant.role === "BOARD" && (await tx.roleAssignment.count({ where: { role: "BOARD" } })) <= 1) return "last-board-role";
    await tx.roleAssignment.delete({ where: { id: roleId } });
    await tx.session.updateMany({ where: { userId: grant.userId, activeRoleId: roleId }, data: { activeRoleId: null } });
    await audit({ actorId, action: "role.remove", entityType: "RoleAssignment", entityId: roleId, before: grant }, tx);
    return "removed";
  });
}

/** Disabling an account ends all its sessions at once. */
export async function setUserDisabled(userId: string, disabled: boolean, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) return false;
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now() : null } });
    if (disabled) await endAllSessions(userId, tx);
    await audit(
      { actorId, action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: userId, before: { disabledAt: user.disabledAt } },
      tx,
    );
    return true;
  });
}
