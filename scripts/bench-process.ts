// Child processes of the benchmarks: a server (or the fan-out baseline) started with tsx, and
// GraphQL requests to it.
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `node --import tsx <script>` and resolves with the URL it prints once it listens. */
export function startProcess(children: ChildProcess[], script: string[], extraEnv: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], {
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

export async function graphqlAt(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as any;
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body;
}
