// Closes a connection that shows no sign of life for too long, so a hung server cannot hold a
// worker slot forever (the socket timeout covers silence on the wire; this covers everything else).
export class Watchdog {
  private last = Date.now();
  private readonly timer: NodeJS.Timeout;
  fired = false;

  constructor(stallMs: number, onStall: () => void) {
    this.timer = setInterval(
      () => {
        if (Date.now() - this.last > stallMs) {
          this.fired = true;
          this.stop();
          onStall();
        }
      },
      Math.min(1000, stallMs / 4),
    );
    this.timer.unref();
  }

  touch() {
    this.last = Date.now();
  }

  stop() {
    clearInterval(this.timer);
  }
}
