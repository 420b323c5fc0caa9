// `npm run build` (after the client): bundles the server's own code (server/, with the generated
// Prisma client) into dist/server/main.js for `npm start`, so production runs plain `node`
// without tsx compiling every module at start (about 190 MiB of resident memory and seconds of
// start-up). Packages stay external: they are loaded from node_modules as they are, PGlite with
// its WebAssembly and data files beside it. `npm run dev` and the tests keep running the sources
// through tsx. Paths the server computes from `import.meta.url` (`../../prisma/migrations`) resolve
// from dist/server/ as they do from server/db/.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
