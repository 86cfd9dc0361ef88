// One more secretariat console, alone in a worker thread: its event loop is not the one busy with the 500 others,
// so its delays are the servers' part of commit → console. The parent sends 'start' and 'stop'; 'stop' answers
// with the delays measured in between.
import { parentPort, workerData } from 'node:worker_threads';
import { BenchConsole } from './consoles.mjs';

const probe = new BenchConsole('probe', 'territory', workerData.cookie);
await probe.connect(workerData.url);
parentPort.on('message', (message) => {
  if (message === 'start') probe.measuring = true;
  if (message === 'stop') {
    probe.measuring = false;
    probe.disconnect();
    parentPort.postMessage(probe.latencies);
  }
});
parentPort.postMessage('ready');
