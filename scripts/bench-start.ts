// `npm run bench:start`: cold start and idle memory of `npm start` with the client already built.
//
// Runs `npm start` on an empty embedded database in a temporary folder (first start: migrations
// and demo data) and then again on the same folder (every later start), and prints the time from
// launching `npm start` to `/healthz` answering 200. After the second start it waits 20 s idle
// and prints the resident memory of the server process and of the whole `npm start` process tree.
// Then, on the same data, the server alone as `npm start` runs it after its build (`node
// dist/server/main.js`) against the baseline of the same run, the sources through tsx (`node
// --import tsx server/main.ts`, what `npm start` ran before the server was bundled): time to
// `/healthz` and resident memory after 20 s idle.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mib, residentMemory, sleep } from './bench-load.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4599);
const IDLE_MS = 20_000;

if (!existsSync('dist/client/index.html')) {
  console.error('Build the client first: npm run build');
  process.exit(1);
}
const dir = await mkdtemp(path.join(tmpdir(), 'crm-bench-start-'));
try {
  const first = await start();
  console.log(`npm start to /healthz, empty database (migrations and demo data): ${(first.ms / 1000).toFixed(1)} s`);
  await stop(first.child);
  const second = await start();
  console.log(`npm start to /healthz, demo data present:                       ${(second.ms / 1000).toFixed(1)} s`);
  await sleep(IDLE_MS);
  const tree = processTree(second.child.pid!);
  const largest = Math.max(...tree.map((pid) => residentMemory(pid)));
  const total = tree.reduce((sum, pid) => sum + residentMemory(pid), 0);
  console.log(`idle after ${IDLE_MS / 1000} s: server process ${mib(largest)}, the whole npm start tree (${tree.length} processes) ${mib(total)}`);
  await stop(second.child);
  for (const [name, command] of [
    ['node dist/server/main.js (npm start after its build)', [process.execPath, 'dist/server/main.js']],
    ['node --import tsx server/main.ts (baseline)         ', [process.execPath, '--import', 'tsx', 'server/main.ts']],
  ] as const) {
    const server = await start(command);
    await sleep(IDLE_MS);
    console.log(`${name}: ${(server.ms / 1000).toFixed(1)} s to /healthz, idle after ${IDLE_MS / 1000} s ${mib(residentMemory(server.child.pid!))}`);
    await stop(server.child);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function start([command, ...args]: readonly string[] = ['npm', 'start']): Promise<{ child: ChildProcess; ms: number }> {
  const began = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PGLITE_DIR: dir, DATABASE_URL: '', REDIS_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((response) => response.ok, () => false);
    if (ok) return { child, ms: performance.now() - began };
    await sleep(50);
  }
}

/** Ends the whole process group `npm start` leads (npm, its shell, the server). */
async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  await sleep(500);
}

function processTree(root: number): number[] {
  const children = (pid: number): number[] => {
    const taskDir = `/proc/${pid}/task/${pid}/children`;
    if (!existsSync(taskDir)) return [];
    return readFileSync(taskDir, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  };
  const all: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    all.push(pid);
    queue.push(...children(pid));
  }
  return all;
}
