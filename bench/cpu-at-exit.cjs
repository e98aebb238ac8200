// Preloaded by bench/start.ts: report this process's CPU time (µs) on exit.
if (process.env.DEEPRECALL_BENCH_CPU === '1') {
  process.on('exit', () => {
    const u = process.cpuUsage();
    process.stderr.write(`@@cpu ${u.user + u.system}\n`);
  });
}
