// Stops at once under Node < 22: better-sqlite3 13 segfaults on Node 20, and vitest 5 needs 22.12+.
// `npm run` puts node_modules/.bin first on PATH, so the `node` devDependency (v22) is used there.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Aegis Terminal needs Node 22.12 or newer (this is ${process.version}).\n` +
      'Run scripts through npm (npm start / npm test / npm run …) so the pinned Node 22 from devDependencies is used,\n' +
      'or put node_modules/.bin first on PATH.',
  );
  process.exit(1);
}
