// Bundle the dashboard into the Python package: src/eventlens/serve/static/dist/.
// Everything the pages load comes from here; no request leaves the machine.
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "eventlens", "serve", "static", "dist");
const modules = join(here, "node_modules");
const common = { bundle: true, minify: true, legalComments: "linked", target: ["es2020"], logLevel: "warning" };

await rm(out, { recursive: true, force: true });
await mkdir(join(out, "swagger"), { recursive: true });
await esbuild.build({
  ...common,
  entryPoints: { app: join(here, "src", "app.js") },
  outdir: out,
  format: "esm",
  splitting: true, // cytoscape and the map load only on the pages that need them
  chunkNames: "chunks/[name]-[hash]",
});
await esbuild.build({
  ...common,
  entryPoints: { app: join(here, "src", "style.css"), "swagger-init": join(here, "src", "swagger-init.js") },
  outdir: out,
  format: "iife",
});
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  await cp(join(modules, "swagger-ui-dist", file), join(out, "swagger", file));
}
await cp(join(modules, "world-atlas", "countries-110m.json"), join(out, "countries-110m.json"));
await cp(join(modules, "world-atlas", "LICENSE"), join(out, "world-atlas-LICENSE"));
await writeFile(join(out, ".built"), new Date().toISOString() + "\n");
console.log(`dashboard bundled into ${out}`);
