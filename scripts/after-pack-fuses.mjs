// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged binary, before
// signing. Plain JavaScript because electron-builder loads it with Node, not tsx; types in after-pack-fuses.d.mts.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { join } from 'node:path';

/** The fuses a packaged console ships with: no way to run it as plain Node or with foreign code or debuggers. */
export const consoleFuses = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --inspect) would load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only app.asar: no app/ folder or loose files beside it can replace our code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The asar must match the hash electron-builder embeds (macOS and Windows; Linux has no embedded hash yet).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Cookies encrypted at rest with the OS keychain key, as safeStorage does for the session token.
  [FuseV1Options.EnableCookieEncryption]: true,
};

/** Where electron-builder left the Electron binary of this platform in appOutDir. */
export function packagedElectronPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping fuses breaks macOS's ad-hoc signature: re-sign ad hoc so an unsigned build still launches.
  await flipFuses(packagedElectronPath(context), { ...consoleFuses, resetAdHocDarwinSignature: isMac });
}

export default afterPack;
