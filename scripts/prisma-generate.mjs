// `prisma generate` first tries to download the native schema engine, which these machines cannot
// reach; it never runs that engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file
// lets generation run offline (see README, "Decisions").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
