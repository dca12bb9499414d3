// Types for after-pack-fuses.mjs (plain JavaScript so electron-builder can load it without tsx).
import type { FuseV1Config } from '@electron/fuses';

export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}

export declare const consoleFuses: FuseV1Config;
export declare function packagedElectronPath(context: AfterPackContextLike): string;
export declare function afterPack(context: AfterPackContextLike): Promise<void>;
export default afterPack;
