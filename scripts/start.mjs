// `npm start`: build what is needed (Nx skips what is unchanged), then run the API, which
// migrates and seeds the database and serves the web app. Ctrl+C stops it cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

console.log('Building the API and the web app (first time: about a minute)…');
const build = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/nx/bin/nx.js'),
    'run-many',
    '-t',
    'build',
    '--projects=api,web',
    '--output-style=static',
  ],
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
