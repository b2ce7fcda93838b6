/**
 * `electron-builder --dir` with the release configuration (packaging/electron-builder.ts) against
 * a stand-in Electron distribution (Electron's binary cannot be downloaded here; fuses are written
 * into that binary, so only this test skips them), then the produced app.asar is read with
 * @electron/asar: the build, the icon and main's production dependencies, and nothing else.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { build } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, electronFuses, EXECUTABLE_NAME } from '../../packaging/electron-builder';
import { buildApp, repoRoot } from '../helpers/build-app';
import { standInElectronDist } from '../helpers/stand-in-electron';

let outputDir: string;
let electronDist: string;
let files: string[];

beforeAll(async () => {
  // The files config takes out/ as `npm run build` leaves it.
  buildApp(join(repoRoot, 'out'));
  electronDist = standInElectronDist();
  outputDir = mkdtempSync(join(repoRoot, '.tmp', 'dist-'));
  const { electronFuses: _skipped, ...release } = builderConfig();
  await build({
    projectDir: repoRoot,
    config: { ...release, electronDist, directories: { ...release.directories, output: outputDir } },
    dir: true,
    linux: ['dir'],
    publish: 'never',
  });
  files = listPackage(join(outputDir, 'linux-unpacked/resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
}, 180_000);

afterAll(() => {
  for (const dir of [outputDir, electronDist]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packaged app (electron-builder --dir)', () => {
  it('is an executable named for the product next to resources/app.asar', () => {
    expect(existsSync(join(outputDir, 'linux-unpacked', EXECUTABLE_NAME))).toBe(true);
    expect(existsSync(join(outputDir, 'linux-unpacked/resources/app.asar'))).toBe(true);
  });

  it('holds the built main, preload and renderer, the icon and package.json', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/resources/icon.png'])
      expect(files).toContain(file);
    expect(files.some((file) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
  });

  it('holds main’s production dependencies and none of the renderer’s or the tooling', () => {
    const packages = new Set(files.filter((file) => /^\/node_modules\/(@[^/]+\/)?[^/]+$/.test(file)).map((file) => file.slice('/node_modules/'.length)));
    // Every package main loads at run time (the site database's pg and the spreadsheet's exceljs too), and conf under electron-store.
    const { dependencies } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).sort()).toEqual(['electron-store', 'exceljs', 'pg', 'zod']);
    for (const name of [...Object.keys(dependencies), 'conf']) expect(packages).toContain(name);
    const rendererOnly = ['react', 'react-dom', 'zustand', '@vladmandic/face-api', '@tensorflow/tfjs-backend-wasm', 'qrcode', 'jsqr'];
    for (const name of [...rendererOnly, 'electron', 'electron-builder', 'vite', 'vitest', 'typescript', '@playwright/test', 'tsx'])
      expect(packages).not.toContain(name);
  });

  it('holds no sources, tests, benches, source maps or .env files', () => {
    const forbidden = files.filter(
      (file) => /^\/(src-[^/]+|tests|bench|packaging)(\/|$)/.test(file) || file.endsWith('.map') || /(^|\/)\.env(\.|$)/.test(file.split('/').pop() ?? ''),
    );
    expect(forbidden).toEqual([]);
  });
});

describe('fuses', () => {
  it('release builds turn off run-as-node, NODE_OPTIONS, inspect, file: privileges; turn on ASAR integrity, ASAR-only, cookie encryption', () => {
    expect(builderConfig().electronFuses).toEqual(electronFuses());
    expect(electronFuses()).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('only the e2e test build keeps the inspect arguments (Playwright), and it goes to its own folder', () => {
    expect(electronFuses({ e2e: true })).toEqual({ ...electronFuses(), enableNodeCliInspectArguments: true });
    expect(builderConfig({ e2e: true }).directories?.output).toBe('dist/e2e');
    expect(builderConfig().directories?.output).toBe('dist');
  });
});
