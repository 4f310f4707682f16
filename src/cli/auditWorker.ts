/** Worker thread of `selfeval audit` (see ./pool): takes files from the shared counter until none are left. */
import { parentPort } from 'worker_threads';
import { workOn, type PoolStart } from './pool';

parentPort?.once('message', (start: PoolStart) => {
  void workOn(start, (r) => parentPort!.postMessage(r));
});
