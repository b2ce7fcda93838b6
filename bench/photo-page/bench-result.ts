/** What the page's runPhotoBench answers (bench-page.ts, in Chromium) to bench/photo-check.ts (in Node). */
export interface BenchResult {
  backend: string;
  frame: { width: number; height: number };
  loadMs: number;
  checkMs: number[];
  captureMs: number[];
  photo: { width: number; height: number; bytes: number; failed: string[] };
}
