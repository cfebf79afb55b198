// Fetches the Electron binary on first `npm start` / `npm run dev`.
// npm blocks dependency install scripts by default, so `npm ci` never runs Electron's own
// download; doing it here keeps `npm ci` working on machines that cannot download it (CI).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('Première ouverture : je télécharge Electron…');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      "Impossible de télécharger Electron sur cette machine. La vérification reste possible dans un terminal : npm run checkup",
    );
    process.exit(1);
  }
}
