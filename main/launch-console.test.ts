import { afterEach, describe, expect, it } from 'vitest';
import { launchConsole, type LaunchedConsole } from './launch-console.js';
import { temporaryDir } from './core/test-support/fixtures.js';

const launched: LaunchedConsole[] = [];
afterEach(async () => {
  await Promise.all(launched.splice(0).map((console_) => console_.close()));
});

const base = { hubUrl: 'http://127.0.0.1:4710', port: 0 };
const noElectron = async () =>
  ({ available: false, reason: "Electron's runtime is not installed and could not be downloaded" }) as const;

describe('launchConsole', () => {
  it('falls back to the web host and says plainly why', async () => {
    const console_ = await launchConsole({ ...base, dataDir: temporaryDir(), findRuntime: noElectron });
    launched.push(console_);
    expect(console_.kind).toBe('web');
    expect(console_.reason).toBe(
      "Electron's runtime is not installed and could not be downloaded; using the web host.",
    );
    expect((await fetch(console_.url!)).headers.get('content-security-policy')).toContain(
      "default-src 'self'",
    );
  });

  it('HANDOFF_CONSOLE=web skips the Electron check and gives no excuse', async () => {
    let looked = false;
    const console_ = await launchConsole({
      ...base,
      dataDir: temporaryDir(),
      force: 'web',
      findRuntime: async () => {
        looked = true;
        return noElectron();
      },
    });
    launched.push(console_);
    expect(console_).toMatchObject({
      kind: 'web',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{43}$/),
    });
    expect(console_.reason).toBeUndefined();
    expect(looked).toBe(false);
  });

  it('HANDOFF_CONSOLE=electron without the runtime is an error that says why', async () => {
    await expect(
      launchConsole({ ...base, dataDir: temporaryDir(), force: 'electron', findRuntime: noElectron }),
    ).rejects.toThrow(/HANDOFF_CONSOLE=electron, but Electron's runtime is not installed/);
  });
});
