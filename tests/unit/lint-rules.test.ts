// The layering of the app is held by lint rules, not by hope: each rule is shown to bite on a
// planted file (linted as if it lived at that path) and to stay quiet on the allowed shape.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = "@typescript-eslint/no-restricted-imports";

describe("layering lint rules", () => {
  it("refuse the database client in a route, and allow a module call", async () => {
    expect(await ruleIds(`import { db } from "~/utils/db.server";\nexport const loader = () => db.user.count();\n`, "app/routes/planted.tsx")).toContain(RESTRICTED);
    expect(await ruleIds(`import { db } from "../utils/db.server";\nexport const loader = () => db.user.count();\n`, "app/routes/planted.tsx")).toContain(RESTRICTED);
    expect(await ruleIds(`import { now } from "~/utils/clock.server";\nexport const loader = () => now();\n`, "app/routes/planted.tsx")).not.toContain(RESTRICTED);
  });

  it("refuse Prisma's generated client in a route except for types", async () => {
    expect(await ruleIds(`import { PrismaClient } from "~/generated/prisma/client";\nexport const x = new PrismaClient();\n`, "app/routes/planted.tsx")).toContain(RESTRICTED);
    expect(await ruleIds(`import type { Role } from "~/generated/prisma/client";\nexport const x = (r: Role) => r;\n`, "app/routes/planted.tsx")).not.toContain(RESTRICTED);
  });

  it("refuse a route importing another route", async () => {
    expect(await ruleIds(`import { X } from "./teams.nieuw";\nexport const y = X;\n`, "app/routes/planted.tsx")).toContain(RESTRICTED);
    expect(await ruleIds(`import { X } from "~/routes/teams.nieuw";\nexport const y = X;\n`, "app/routes/planted.tsx")).toContain(RESTRICTED);
  });

  it("refuse components or routes in a module or a util", async () => {
    expect(await ruleIds(`import { Button } from "~/components/ui/button";\nexport const y = Button;\n`, "app/modules/planted/planted.server.ts")).toContain(RESTRICTED);
    expect(await ruleIds(`import { loader } from "~/routes/_index";\nexport const y = loader;\n`, "app/modules/planted/planted.server.ts")).toContain(RESTRICTED);
    expect(await ruleIds(`import { Button } from "../components/ui/button";\nexport const y = Button;\n`, "app/utils/planted.ts")).toContain(RESTRICTED);
  });

  it("refuse hooks called after an early return", async () => {
    const code = `import { useState } from "react";\nexport function Page({ x }: { x: boolean }) {\n  if (x) return null;\n  const [v] = useState(0);\n  return v;\n}\n`;
    expect(await ruleIds(code, "app/components/planted.tsx")).toContain("react-hooks/rules-of-hooks");
  });
  it("refuse an import cycle", async () => {
    const dir = mkdtempSync(path.join(root, "app/modules/planted-cycle-"));
    try {
      writeFileSync(path.join(dir, "a.ts"), `import { b } from "./b";\nexport const a = () => b();\n`);
      writeFileSync(path.join(dir, "b.ts"), `import { a } from "./a";\nexport const b = () => a();\n`);
      const [result] = await eslint.lintFiles([path.join(dir, "a.ts")]);
      expect((result?.messages ?? []).map((m) => m.ruleId)).toContain("import-x/no-cycle");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}, 120_000);
