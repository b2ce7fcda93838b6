/**
 * Importing a guest list of ROWS rows (default 500) as reception does: through the dispatcher
 * (schema check), against the real services with the demo simulator (the doors are listed from
 * it), each row checked, every record sealed and keyed-hashed, the whole list written atomically
 * in one go. Prints the wall time of each of RUNS runs (default 5, each into an empty store) and
 * the median, for CSV and for the same list as XLSX (exceljs, loaded on the first XLSX import).
 *
 *   npx tsx bench/expected-import.ts        (ROWS=…, RUNS=…)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../src-main/ipc/dispatch';
import { createAppServices } from '../src-main/services/app-services';
import { memoryLogger } from '../src-main/services/ports';
import { parseCsv } from '../src-main/services/expected/csv-table';
import { guestCsv } from '../tests/helpers/guest-list';
import { mapStore, testSecretBox } from '../tests/helpers/test-ports';

const ROWS = Number(process.env.ROWS) || 500;
const RUNS = Number(process.env.RUNS) || 5;

async function xlsxOf(csv: string): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('访客');
  for (const row of parseCsv(csv)) sheet.addRow(row.cells);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function run(format: 'csv' | 'xlsx', base64: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
  const services = await createAppServices({ dataDir: dir, store: mapStore(), secretBox: testSecretBox(), log: memoryLogger(), sweepIntervalMs: 3600_000 });
  try {
    await services.ready;
    const dispatch = createDispatcher(services.handlers);
    await dispatch('listDevices', undefined);
    const started = performance.now();
    const result = await dispatch('importExpectedVisits', { format, base64 });
    const ms = performance.now() - started;
    if (!result.ok || (result.value as { imported: number }).imported !== ROWS) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);
    return ms;
  } finally {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const csv = guestCsv(ROWS);
const inputs = { csv: Buffer.from(csv).toString('base64'), xlsx: (await xlsxOf(csv)).toString('base64') };
for (const format of ['csv', 'xlsx'] as const) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run(format, inputs[format]));
  console.log(
    `${format.toUpperCase()} import of ${ROWS} rows (${((inputs[format].length * 0.75) / 1024).toFixed(0)} KB): ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(times).toFixed(0)} ms (target < 2000 ms)`,
  );
}
