import type { Block } from "./blocks";

/**
 * Keeping each request under Excel on the web's 5 MB limit. The writer describes its work as
 * steps with an estimated size; steps are packed in order into batches (one `context.sync()`
 * each), so a normal template is one batch and only very large data costs extra round trips.
 */

/** Budget per batch: 1 MB below Excel's 5 MB, for the request envelope we do not model exactly. */
export const BATCH_BYTES = 4 * 1024 * 1024;
/** Largest single block write, so a huge table body can be spread over batches. */
export const CHUNK_BYTES = 1024 * 1024;
/** Allowance for each API call's own envelope (object path, method name, ids). */
const CALL_BYTES = 256;

export interface Step {
  readonly bytes: number;
  readonly queue: () => void;
}

/** A step with no data of note (a property set, a method call). */
export const call = (queue: () => void): Step => ({ bytes: CALL_BYTES, queue });

/** UTF-8 size of a string, without allocating (Chinese text is 3 bytes a character). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Splits a block into row slices of at most `limit` estimated bytes each (at least one row per slice). */
export function sliceBlock(block: Block, limit = CHUNK_BYTES): { block: Block; bytes: number }[] {
  const slices: { block: Block; bytes: number }[] = [];
  let start = 0;
  let bytes = CALL_BYTES;
  block.rows.forEach((row, index) => {
    const rowBytes = utf8Bytes(JSON.stringify(row)) + 1;
    if (index > start && bytes + rowBytes > limit) {
      slices.push({ block: { at: { row: block.at.row + start, col: block.at.col }, rows: block.rows.slice(start, index) }, bytes });
      start = index;
      bytes = CALL_BYTES;
    }
    bytes += rowBytes;
  });
  slices.push({ block: { at: { row: block.at.row + start, col: block.at.col }, rows: block.rows.slice(start) }, bytes });
  return slices;
}

/** Packs steps, in order, into batches of at most `limit` estimated bytes. */
export function packBatches(steps: readonly Step[], limit = BATCH_BYTES): Step[][] {
  const batches: Step[][] = [[]];
  let bytes = 0;
  for (const step of steps) {
    const batch = batches[batches.length - 1];
    if (batch.length > 0 && bytes + step.bytes > limit) {
      batches.push([step]);
      bytes = step.bytes;
    } else {
      batch.push(step);
      bytes += step.bytes;
    }
  }
  return batches;
}

/** Runs steps in size-limited batches (`packBatches`), one sync each, calculation suspended in each. */
export async function runBatches(context: Excel.RequestContext, steps: readonly Step[]): Promise<void> {
  for (const batch of packBatches(steps)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch) step.queue();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per size-limited batch: one unless data exceeds ~4 MB
    await context.sync();
  }
}
