// Child processes of the benchmarks: a server (or the fan-out baseline) started with tsx, and
// GraphQL requests to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';

/** Starts `node --import tsx <script>` and resolves with the URL it prints once it listens. */
export function startProcess(children: ChildProcess[], script: string[], extraEnv: NodeJS.ProcessEnv): Promise<string> {
  // BENCH_CPU_PROFILE=<dir>: each process writes a CPU profile there when it ends.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
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
