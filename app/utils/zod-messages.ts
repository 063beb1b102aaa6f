// zod's own messages are English sentences ("Invalid input: expected string, received array").
// Our schemas give their own message (an i18n key) for everything a person can cause with the
// real form; what remains — a tampered form: a repeated field, a file where text belongs, a hidden
// field missing — gets one of two translated messages instead. A message a schema names always
// wins over this (zod: schema > parse > global). Imported for its effect by root.tsx (browser and
// server) and forms.server.ts (every action reads its form through it).
import { z } from "zod";

z.config({
  customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "ui:field.required" : "ui:field.invalid"),
});
