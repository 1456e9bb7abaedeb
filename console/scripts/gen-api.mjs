// The API types: console/openapi/<service>.json (written by `python -m shared.openapi_export`)
// -> src/api/<service>.d.ts, by openapi-typescript. `node scripts/gen-api.mjs [outDir]`.
import { readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const sources = path.join(here, "..", "openapi");
const outDir = path.resolve(process.argv[2] ?? path.join(here, "..", "src", "api"));
await mkdir(outDir, { recursive: true });
for (const file of (await readdir(sources)).filter((f) => f.endsWith(".json")).sort()) {
  const service = file.replace(/\.json$/, "");
  const ast = await openapiTS(new URL(`file://${path.join(sources, file)}`));
  const header = `// Generated from console/openapi/${file} by \`npm run gen:api\`: do not edit.\n`;
  await writeFile(path.join(outDir, `${service}.d.ts`), header + astToString(ast));
  console.log(path.join(outDir, `${service}.d.ts`));
}
