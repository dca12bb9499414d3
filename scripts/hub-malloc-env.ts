// The environment the hub should start with on Linux. Password hashing (scrypt: 16 MB per sign-in, on each of the
// thread pool's threads) leaves those buffers in glibc's per-thread malloc arenas, so a burst of sign-ins kept
// ~70 MB resident for good. Serving allocations of 1 MB and more with mmap hands them back on free. glibc reads
// this only at process start, so whoever starts the hub sets it (npm start, the tests and benchmarks; see README).
export const HUB_MALLOC_ENV: Record<string, string> =
  process.platform === 'linux'
    ? { MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '1048576' }
    : {};
