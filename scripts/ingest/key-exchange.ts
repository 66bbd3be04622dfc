import { type MessagePort, receiveMessageOnPort } from "node:worker_threads";

/**
 * Keys sent to the participant that owns them: key k is bytes[k === 0 ? 0 : ends[k-1], ends[k]),
 * with hashes[k] its ByteStringTable hash. Its buffers are transferred, not copied.
 */
export interface KeyBatch {
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;
}

/** The message that says a participant has sent all its keys. */
export interface ExchangeDone {
  readonly done: true;
}

/**
 * How the participants of a parallel reduction hand each other the keys they do not own: key with
 * hash h belongs to participant (h >>> 0) % participants, so every distinct key is interned by exactly
 * one participant and their tables never need merging. `ports[p]` talks to participant p (undefined
 * for this one).
 */
export interface KeyExchange {
  readonly participant: number;
  readonly participants: number;
  readonly ports: readonly (MessagePort | undefined)[];
}

/** Collects the keys owed to one other participant until there are enough to send. */
export class KeyOutbox {
  private bytes: Uint8Array = new Uint8Array(1 << 18);
  private used = 0;
  private ends: Int32Array = new Int32Array(1 << 12);
  private hashes: Int32Array = new Int32Array(1 << 12);
  private count = 0;

  constructor(private readonly port: MessagePort) {}

  /** Queues key[0, length) with its hash. */
  add(key: Uint8Array, length: number, hash: number): void {
    if (this.used + length > this.bytes.length) this.growBytes(length);
    if (this.count === this.ends.length) {
      this.ends = growInt32(this.ends);
      this.hashes = growInt32(this.hashes);
    }
    const bytes = this.bytes;
    const at = this.used;
    for (let offset = 0; offset < length; offset++) bytes[at + offset] = key[offset] as number;
    this.used += length;
    this.ends[this.count] = this.used;
    this.hashes[this.count] = hash;
    this.count++;
  }

  /** Sends what is queued, if anything. */
  flush(): void {
    if (this.count === 0) return;
    const batch: KeyBatch = {
      bytes: this.bytes.slice(0, this.used),
      ends: this.ends.slice(0, this.count),
      hashes: this.hashes.slice(0, this.count),
    };
    this.port.postMessage(batch, [
      batch.bytes.buffer as ArrayBuffer,
      batch.ends.buffer as ArrayBuffer,
      batch.hashes.buffer as ArrayBuffer,
    ]);
    this.used = 0;
    this.count = 0;
  }

  private growBytes(length: number): void {
    let room = this.bytes.length * 2;
    while (this.used + length > room) room *= 2;
    const bigger = new Uint8Array(room);
    bigger.set(this.bytes.subarray(0, this.used));
    this.bytes = bigger;
  }
}

/** Takes every batch already waiting on the ports, without blocking; counts done messages. */
export function receiveWaitingBatches(
  ports: readonly (MessagePort | undefined)[],
  onBatch: (batch: KeyBatch) => void,
): number {
  let done = 0;
  for (const port of ports) {
    if (port === undefined) continue;
    for (;;) {
      const received = receiveMessageOnPort(port);
      if (received === undefined) break;
      const message = received.message as KeyBatch | ExchangeDone;
      if ("done" in message) done++;
      else onBatch(message);
    }
  }
  return done;
}

/**
 * After sending its own done: resolves once every other participant has said done, handing over
 * every batch that arrives meanwhile. `alreadyDone` counts the done messages already taken.
 */
export function receiveUntilDone(
  ports: readonly (MessagePort | undefined)[],
  alreadyDone: number,
  onBatch: (batch: KeyBatch) => void,
): Promise<void> {
  const peers = ports.filter((port) => port !== undefined).length;
  let done = alreadyDone;
  // Anything that arrived before the listeners are attached.
  done += receiveWaitingBatches(ports, onBatch);
  if (done === peers) return Promise.resolve();
  return new Promise((resolve) => {
    for (const port of ports) {
      port?.on("message", (message: KeyBatch | ExchangeDone) => {
        if ("done" in message) {
          done++;
          if (done === peers) {
            for (const each of ports) each?.removeAllListeners("message");
            resolve();
          }
        } else onBatch(message);
      });
    }
  });
}

function growInt32(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
