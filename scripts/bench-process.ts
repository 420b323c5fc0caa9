// Child processes of the benchmarks: a server (or the fan-out baseline) started with tsx, and
// GraphQL requests to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { ProbeReply, ProbeRequest } from './bench-memory-probe.ts';

/**
 * Starts `node --import tsx <script>` and resolves with the URL it prints once it listens. With
 * `probe`, the process also loads `bench-memory-probe.ts` and answers memory questions over IPC.
 */
export function startProcess(children: ChildProcess[], script: string[], extraEnv: NodeJS.ProcessEnv, { probe = false } = {}): Promise<string> {
  // BENCH_CPU_PROFILE=<dir>: each process writes a CPU profile there when it ends.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const probing = probe ? ['--expose-gc', '--import', './scripts/bench-memory-probe.ts'] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...probing, ...script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit', ...(probe ? ['ipc' as const] : [])],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${script.join(' ')} exited with ${code}`)));
  });
}

/**
 * One request on a connection of its own: a kept-alive connection that the server, busy with a
 * fan-out, closes just as the next request goes out would fail the run with ECONNRESET.
 */
export async function graphqlAt(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const payload = JSON.stringify({ query, variables });
  const text = await new Promise<string>((resolve, reject) => {
    const request = httpRequest(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString()));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
  const body = JSON.parse(text) as any;
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
let probeRequests = 0;

/** Asks a process started with `probe` (see `bench-memory-probe.ts`) and waits for its answer. */
export function probe<Reply extends ProbeReply>(child: ChildProcess, question: DistributiveOmit<ProbeRequest, 'id'>): Promise<Reply> {
  const request = { ...question, id: (probeRequests += 1) } as ProbeRequest;
  return new Promise((resolve) => {
    const answered = (reply: ProbeReply) => {
      if (reply.id !== request.id) return;
      child.off('message', answered);
      resolve(reply as Reply);
    };
    child.on('message', answered);
    child.send(request);
  });
}
