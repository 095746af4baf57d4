// `npm start`: build what is needed (Nx skips what is unchanged), then run the API, which
// migrates and seeds the database and serves the web app. Ctrl+C stops it cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nxPackage = createRequire(import.meta.url).resolve('nx/package.json');
const nxBin = join(dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

console.log('Building the API and the web app…');
const build = spawnSync(
  process.execPath,
  [nxBin, 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'],
  { cwd: root, stdio: 'inherit', env },
);
if (build.status !== 0) {
  console.error('The build failed: see the messages above.');
  process.exit(build.status ?? 1);
}

const api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => api.kill(signal));
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
