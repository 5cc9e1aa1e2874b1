// Debian's Chromium (installed by scripts/test/system-deps.sh): Playwright cannot download its own here.
export const CHROMIUM_PATH = "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
