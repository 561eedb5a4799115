import path from "node:path";
import { existsSync } from "node:fs";

export const repoRoot = path.resolve(__dirname, "../..");
export const distDir = path.join(repoRoot, "dist");

/** Build-output tests read dist/; `npm test` builds it first, a bare `npx jest` must be told to. */
export function distFile(name: string): string {
  const file = path.join(distDir, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm test does) before these tests`);
  return file;
}
