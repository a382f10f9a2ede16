/**
 * Moving a big record between the page and a worker in parts (record-parts.ts), one message at a
 * time with a turn of the page's event loop between two: the page's side sends or takes the
 * messages, a worker's side puts together what it is sent, and keeps what it offers until taken.
 */
import * as Comlink from 'comlink';
import { PartAssembler, partBatches, recordParts, type PartBatch, type PartsOptions, type RecordPart } from './record-parts.ts';
import { yieldToPage } from './yield-to-page.ts';

/** One message of an offer: its parts, and whether it was the last. */
export type OfferedBatch = PartBatch & { done: boolean };

/**
 * A worker's record offered to the page in parts, taken a message at a time. Holds one offer:
 * a newer one drops an older one not yet taken.
 */
export class PartsOutbox {
  private offered = new Map<number, Generator<PartBatch>>();
  private count = 0;

  /** `gone`: what `take` says of an offer no longer held. */
  constructor(private readonly gone: string) {}

  /** Offers `record` in messages of about `weight` (see partBatches); returns the number to take it by. */
  offer(record: unknown, weight: number, options: PartsOptions = {}): number {
    const n = ++this.count;
    this.offered.clear();
    this.offered.set(n, partBatches(recordParts(record, options), weight));
    return n;
  }

  /** The next message of offer `n`, its buffers moved; `done` once every part is taken. */
  take(n: number): OfferedBatch {
    const batches = this.offered.get(n);
    if (batches === undefined) throw new Error(this.gone);
    const next = batches.next();
    if (next.done) {
      this.offered.delete(n);
      return { parts: [], transfer: [], done: true };
    }
    return Comlink.transfer({ ...next.value, transfer: [], done: false }, next.value.transfer);
  }
}

/** A record the page sends in parts (sendInParts), put together in a worker as its messages come. */
export class PartsInbox {
  private staging: PartAssembler | null = null;

  /** One message's parts; `first` starts a record afresh. */
  add(parts: RecordPart[], first: boolean): void {
    if (first || this.staging === null) this.staging = new PartAssembler();
    this.staging.add(parts);
  }

  /** The record put together so far (whole once every message has come), leaving none. */
  take(): unknown {
    const record = this.staging?.value;
    this.staging = null;
    return record;
  }
}

/** The page takes an offer message by message (`next`), putting the record together as they come. */
export async function takeInParts(next: () => Promise<OfferedBatch>): Promise<unknown> {
  const record = new PartAssembler();
  for (;;) {
    const batch = await next();
    record.add(batch.parts);
    if (batch.done) return record.value;
    await yieldToPage();
  }
}

/** The page sends `record` in messages of about `weight` through `send`, its buffers moved. */
export async function sendInParts(record: unknown, weight: number, send: (batch: PartBatch, first: boolean) => Promise<unknown>): Promise<void> {
  let first = true;
  for (const batch of partBatches(recordParts(record), weight)) {
    await send({ parts: Comlink.transfer(batch.parts, batch.transfer), transfer: batch.transfer }, first);
    first = false;
    await yieldToPage();
  }
}
