// Runs a wasm32-wasip1 test binary of the plugin under Node's V8 (the engine Envoy embeds).
// The proxy-wasm imports are stubbed: the profiled test drives the flow through a fake host.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env } from 'node:process';

const [wasmPath, ...args] = argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [wasmPath, ...args], env, preopens: { '.': '.' } });
const module = await WebAssembly.compile(await readFile(wasmPath));
const imports = wasi.getImportObject();
imports.env = {};
for (const i of WebAssembly.Module.imports(module)) {
  if (i.module === 'env') imports.env[i.name] = () => { throw new Error(`${i.name} called`); };
}
const instance = await WebAssembly.instantiate(module, imports);
// The cdylib also exports `_initialize`; WASI.start refuses modules that have both.
const exports = { ...instance.exports };
delete exports._initialize;
wasi.start({ exports });
