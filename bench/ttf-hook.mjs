// Lets Node import .ttf files the way wrangler does (as binary data), for in-process benchmarks.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
export async function load(url, context, next) {
  if (url.endsWith(".ttf")) {
    return { format: "module", shortCircuit: true, source: "import { readFileSync } from 'node:fs'; const b = readFileSync(new URL(" + JSON.stringify(url) + ")); export default b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);" };
  }
  return next(url, context);
}`),
);
