// @electron/fuses is stubbed at the module boundary (flipFuses only; its enums are the real ones): no Electron
// binary exists on this machine to flip.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { flipFuses } = vi.hoisted(() => ({
  flipFuses: vi.fn(async (_path: string, _config: { resetAdHocDarwinSignature?: boolean }) => 0),
}));
vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@electron/fuses')>()),
  flipFuses,
}));

const { afterPack } = await import('./after-pack-fuses.mjs');

const context = (electronPlatformName: string) => ({
  appOutDir: '/out',
  electronPlatformName,
  packager: { executableName: 'handoff-desk', appInfo: { productFilename: 'Handoff Desk' } },
});

describe('afterPack fuses', () => {
  beforeEach(() => flipFuses.mockClear());

  it('asks for exactly the six fuses, and nothing else', async () => {
    await afterPack(context('linux'));
    expect(flipFuses).toHaveBeenCalledExactlyOnceWith(join('/out', 'handoff-desk'), {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('finds the binary on each platform, re-signing ad hoc on macOS only', async () => {
    await afterPack(context('darwin'));
    await afterPack(context('win32'));
    expect(flipFuses.mock.calls.map((call) => [call[0], call[1].resetAdHocDarwinSignature])).toEqual([
      [join('/out', 'Handoff Desk.app'), true],
      [join('/out', 'Handoff Desk.exe'), false],
    ]);
  });
});
