import type { Role } from "~/generated/prisma/enums";

/** Roles the board can invite people into (pupils get codes from teachers, jurors come with editions). */
export const ROLES = ["BOARD", "COMPANY_CONTACT", "SCHOOL_CONTACT", "TEACHER"] as const satisfies readonly Role[];
