// Browser tests need Debian's Chromium and CJK fonts. As root with apt, install them;
// otherwise say exactly what is missing. Never skip: a skipped browser test checks nothing.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

if (!fs.existsSync(CHROMIUM) || !hasFonts()) {
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.error('Installing Chromium and Noto CJK fonts for the browser tests (apt-get)…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `Browser tests need ${CHROMIUM} and CJK fonts: apt-get install chromium fonts-noto-cjk (as root).`,
    );
    process.exit(1);
  }
}
