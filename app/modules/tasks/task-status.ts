// Shared by the task pages (browser) and the task runner (server).
export type TaskStatusName = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/** Still to do or being done: its page keeps refreshing. */
export const isActive = (status: TaskStatusName) => status === "QUEUED" || status === "RUNNING";
