// Node module hook: `electron` (from out/main and from node_modules/electron-store) resolves to the
// recording stand-in next to this file. Registered with `node --import <this dir>/register.mjs`.
const STUB = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true, format: 'module' };
  return next(specifier, context);
}
