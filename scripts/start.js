// npm start: serves the playground on port 3000, or on the next free port, saying which one is taken
// (a second `npm start`, another program) instead of ending in a stack trace.
const net = require('net');
const { spawn } = require('child_process');

const WANTED = Number(process.env.npm_package_config_dev_server_port || 3000);
const TRIES = 20;

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, 'localhost');
  });
}

/** The first free port from `wanted` on, or null when `tries` ports in a row are taken. */
async function pickPort(wanted = WANTED, tries = TRIES) {
  for (let port = wanted; port < wanted + tries; port++) if (await isFree(port)) return port;
  return null;
}

async function main() {
  const port = await pickPort();
  if (port === null) {
    console.error(`端口 ${WANTED}–${WANTED + TRIES - 1} 都已被占用，请先关闭占用它们的程序（例如另一个 npm start）。\nPorts ${WANTED}–${WANTED + TRIES - 1} are all taken; close what uses them (another npm start?).`);
    process.exit(1);
  }
  if (port !== WANTED) {
    console.log(`端口 ${WANTED} 已被占用（可能已有一个 npm start 在运行），改用 ${port}：http://localhost:${port}/playground.html\nPort ${WANTED} is taken; serving on ${port} instead.`);
  }
  const child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development', '--open', 'playground.html'], {
    stdio: 'inherit',
    env: { ...process.env, npm_package_config_dev_server_port: String(port) },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (require.main === module) main();
module.exports = { pickPort, isFree };
