/** A one-line progress bar on a terminal (stderr); silent when stderr is not a TTY. */
export function progress(total: number): { tick(label: string): void; done(): void } {
  const tty = !!process.stderr.isTTY;
  let n = 0;
  const width = 24;
  return {
    tick(label: string) {
      n++;
      if (!tty) return;
      const filled = Math.round((n / total) * width);
      const name = label.length > 40 ? '…' + label.slice(-39) : label;
      process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${n}/${total} ${name}\x1b[K`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}
