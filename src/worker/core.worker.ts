/// <reference lib="webworker" />
/** The core off the main thread: one request in, one response out, in order. */
import { handle } from './handle';
import type { WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  scope.postMessage(handle(ev.data, () => performance.now()));
};
