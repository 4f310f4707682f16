/** npm start picks the next free port when 3000 is taken (scripts/start.js). */
import net from 'net';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pickPort } = require('../../scripts/start.js') as { pickPort(wanted: number, tries?: number): Promise<number | null> };

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(port, 'localhost', () => resolve(s));
  });
}

describe('npm start port', () => {
  it('takes the wanted port when free, the next one when taken, none when all are', async () => {
    const probe = await listen(0);
    const base = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    expect(await pickPort(base, 3)).toBe(base);
    const taken = await listen(base);
    try {
      expect(await pickPort(base, 3)).toBe(base + 1);
      expect(await pickPort(base, 1)).toBeNull();
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
