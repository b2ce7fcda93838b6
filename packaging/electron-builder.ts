/**
 * electron-builder's configuration (`npm run dist`): what goes into the installers and how they
 * install. A function so the packaged-app e2e build can keep the one fuse Playwright needs and the
 * packaging test can point at a stand-in Electron; release builds take the defaults.
 * Docs: https://www.electron.build/configuration, /nsis, /linux, /tutorials/adding-electron-fuses.
 */
import type { Configuration } from 'electron-builder';

export const APP_ID = 'com.k30.visitor-kiosk';
export const PRODUCT_NAME = 'K30 Visitor Kiosk';
export const EXECUTABLE_NAME = 'k30-visitor-kiosk';

export interface BuilderOptions {
  /**
   * The test build of the packaged app: Playwright's `_electron.launch` drives the app through
   * `--inspect`/`--remote-debugging-port`, so the EnableNodeCliInspectArguments fuse stays on.
   * Its output goes to dist/e2e, never next to release installers.
   */
  e2e?: boolean;
}

/** The fuses flipped in the Electron binary itself (https://www.electronjs.org/docs/latest/tutorial/fuses). */
export function electronFuses(options: BuilderOptions = {}): NonNullable<Configuration['electronFuses']> {
  return {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: options.e2e === true,
    // Enforced by Electron on Windows and macOS; on Linux Electron does not check it (yet).
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  };
}

export function builderConfig(options: BuilderOptions = {}): Configuration {
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    executableName: EXECUTABLE_NAME,
    copyright: 'K30 Visitor Kiosk',
    directories: { output: options.e2e ? 'dist/e2e' : 'dist', buildResources: 'resources' },
    // Only the build and the icon; electron-builder adds package.json and the production
    // dependencies (main's runtime: electron-store, zod). Everything the renderer and preload
    // need is bundled, so those packages are devDependencies and stay out.
    files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/icon.png', '!**/*.map', '!**/.env', '!**/.env.*'],
    asar: true,
    // No native modules (and none may be added: Electron's headers are not downloadable here).
    npmRebuild: false,
    compression: 'normal',
    icon: 'resources/icon.png',
    electronFuses: electronFuses(options),
    win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'resources/icon.png' },
    nsis: {
      oneClick: false,
      // Reception PCs: one install for every OS user, under Program Files (needs elevation).
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: PRODUCT_NAME,
      // Simplified Chinese first (LCID 2052), English as the other choice.
      installerLanguages: ['zh_CN', 'en_US'],
      language: '2052',
      multiLanguageInstaller: true,
      displayLanguageSelector: true,
      // The visit ledger and settings survive an uninstall/reinstall.
      deleteAppDataOnUninstall: false,
      artifactName: '${productName}-Setup-${version}.${ext}',
    },
    linux: {
      target: [
        { target: 'AppImage', arch: ['x64'] },
        { target: 'deb', arch: ['x64'] },
      ],
      icon: 'resources/icon.png',
      category: 'Office',
      synopsis: 'Visitor registration for K30 access control',
      maintainer: 'K30 Visitor Kiosk <kiosk@localhost>',
      executableName: EXECUTABLE_NAME,
    },
    deb: { packageName: EXECUTABLE_NAME },
    appImage: { artifactName: '${productName}-${version}.${ext}' },
    publish: null,
  };
}
