/** SQL migrations are bundled as text (vite's `?raw`; tsx scripts use tools/raw-text-loader.mjs). */
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
