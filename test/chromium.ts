// Debian's Chromium as every browser test launches it (web-test-runner, the e2e harness,
// the page-load bench): headless on a shared CI machine, with nothing that calls home.
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
