// Reads the error table of docs/errors.md (reason → Chinese text) into src/gen/errors.ts, so the console shows the
// same texts the docs promise without a second copy to keep in step.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const doc = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
const texts = {};
for (const line of doc.split("\n")) {
  const m = /^\| `([A-Z_]+)` \|[^|]*\|[^|]*\| (.+?) \|$/.exec(line);
  if (m) texts[m[1]] = m[2];
}
if (Object.keys(texts).length < 10) throw new Error("docs/errors.md: the reason table was not found");
mkdirSync(new URL("../src/gen/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("../src/gen/errors.ts", import.meta.url),
  "// Generated from docs/errors.md by scripts/errors.mjs.\nexport const errorTexts: Record<string, string> = " +
    JSON.stringify(texts, null, 2) + ";\n",
);
