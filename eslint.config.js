// ESLint (flat config). `npm run lint` is part of `npm test` and allows no warnings.
// Besides the usual TypeScript and React hooks rules, it holds the layering of the app:
// routes never reach the database, modules and utils never import components or routes,
// no route imports another route, and no import cycles.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import globals from "globals";

const databaseClient = {
  group: ["~/utils/db.server", "**/utils/db.server", "**/utils/db.server.ts"],
  message: "Routes never touch the database: call one function of a module in app/modules instead.",
};
const prismaClient = {
  group: ["~/generated/prisma/*", "**/generated/prisma/*"],
  allowTypeImports: true,
  message: "Routes never touch the database: use a module's function (type imports are fine).",
};
const componentsOrRoutes = (layer) => ({
  group: ["~/components/*", "~/routes/*", "**/components/*", "**/routes/*", "~/root", "**/root", "~/root.tsx"],
  message: `${layer} never import components or routes: the layers point one way (routes → components → modules → utils).`,
});
const otherRoutes = {
  group: ["~/routes/*", "../routes/*", "./*"],
  message: "A route never imports another route file: give the shared thing a home in a module or a component.",
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "app/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "scratch/**",
      "tmp/**",
      "tests/bench/fixture/build/**",
      "emails/.react-email/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver": undefined,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["warn", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      // NUL characters are stripped from input on purpose (PostgreSQL refuses them).
      "no-control-regex": "off",
    },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [databaseClient, prismaClient, otherRoutes] }],
    },
  },
  {
    files: ["app/modules/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [componentsOrRoutes("Modules")] }],
    },
  },
  {
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [componentsOrRoutes("Utils")] }],
    },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [databaseClient, { group: ["~/routes/*", "**/routes/*"], message: "Components never import routes." }] }],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "prisma/**/*.ts", "*.config.{ts,js}", "remix.config.js"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
