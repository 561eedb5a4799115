import { NO_NAMES } from "../../../src/spec/naming";
import type { Block } from "../../../src/writers/office/blocks";
import { BATCH_BYTES, CHUNK_BYTES, packBatches, sliceBlock, utf8Bytes } from "../../../src/writers/office/chunking";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { FakeExcel, REQUEST_LIMIT_BYTES } from "../../fakes/fakeExcel";
import { expectWritten } from "./expectWritten";
import { templateBuild } from "./templates";

describe("size estimates", () => {
  test("count UTF-8 bytes: ASCII 1, Chinese 3, astral 4", () => {
    expect(utf8Bytes("a")).toBe(1);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("客户")).toBe(6);
    expect(utf8Bytes("😀")).toBe(4);
    expect(utf8Bytes(JSON.stringify([["客户", 1]]))).toBe(new TextEncoder().encode('[["客户",1]]').length);
  });

  test("a block is sliced into contiguous row ranges under the limit, losing nothing", () => {
    const block: Block = { at: { row: 5, col: 2 }, rows: Array.from({ length: 1000 }, (_, i) => [`客户${i}`, i, null]) };
    const slices = sliceBlock(block, 2000);
    expect(slices.length).toBeGreaterThan(10);
    expect(slices.flatMap((s) => s.block.rows)).toEqual(block.rows);
    let row = 5;
    for (const { block: slice, bytes } of slices) {
      expect(slice.at).toEqual({ row, col: 2 });
      expect(bytes).toBeLessThanOrEqual(2000);
      expect(bytes).toBeGreaterThanOrEqual(utf8Bytes(JSON.stringify(slice.rows)));
      row += slice.rows.length;
    }
  });

  test("a block under the limit stays one slice", () => {
    const block: Block = { at: { row: 0, col: 0 }, rows: [["a", 1]] };
    expect(sliceBlock(block)).toEqual([{ block, bytes: expect.any(Number) }]);
  });

  test("steps are packed in order into batches under the limit", () => {
    const order: number[] = [];
    const steps = [300, 500, 200, 900, 100, 100].map((bytes, i) => ({ bytes, queue: () => order.push(i) }));
    const batches = packBatches(steps, 1000);
    expect(batches.map((b) => b.map((s) => s.bytes))).toEqual([[300, 500, 200], [900, 100], [100]]);
    batches.flat().forEach((s) => s.queue());
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("a write over Excel on the web's 5 MB request limit", () => {
  test("is spread over several commit syncs, each under the limit, and only then", async () => {
    const build = templateBuild("customers", 10_000);
    const fake = new FakeExcel();
    await fake.run((context) => writeSheets(context, build));
    const commits = fake.requestBytes.slice(1);
    const total = commits.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(commits.length).toBeGreaterThan(1);
    expect(Math.max(...commits)).toBeLessThan(REQUEST_LIMIT_BYTES);
    // The bound: every batch but the last is filled to more than BATCH_BYTES − CHUNK_BYTES (3 MB).
    expect(fake.syncCount).toBeLessThanOrEqual(1 + Math.ceil(total / (BATCH_BYTES - CHUNK_BYTES)));
    expect(fake.calculationSuspendedAt).toEqual(commits.map((_, i) => i + 2));
    for (const spec of build(NO_NAMES)) expectWritten(fake, spec);
  });
});

describe("a register at real size", () => {
  /**
   * The rule: one sync reads the workbook, then each commit batch but the last is filled past
   * BATCH_BYTES − CHUNK_BYTES (3 MB), so syncs(n) ≤ 1 + ⌈payload(n) / 3 MB⌉; and the payload is linear in
   * the rows (a fixed part for the settings and summary sheets, a fixed size per row), so from 2 000 to
   * 16 000 rows it grows at most eightfold — syncs follow the data, never anything per row or quadratic.
   */
  async function write(rows: number): Promise<{ syncs: number; payload: number; largest: number }> {
    const fake = new FakeExcel();
    // Excel filling calculated columns as blocks arrive (the fake refills the whole column per block) is no
    // part of any request: off, so this test measures requests, not the fake's model of Excel.
    fake.state.fillsCalculatedColumns = false;
    await fake.run((context) => writeSheets(context, templateBuild("customers", rows)));
    return { syncs: fake.syncCount, payload: fake.requestBytes.reduce((a, b) => a + b, 0), largest: Math.max(...fake.requestBytes) };
  }

  test("syncs are bounded by the payload, which grows no faster than the rows, every request under 5 MB", async () => {
    const small = await write(2_000);
    const large = await write(16_000);
    for (const w of [small, large]) {
      expect(w.syncs).toBeLessThanOrEqual(1 + Math.ceil(w.payload / (BATCH_BYTES - CHUNK_BYTES)));
      expect(w.largest).toBeLessThan(REQUEST_LIMIT_BYTES);
    }
    expect(large.payload).toBeLessThanOrEqual(8 * small.payload);
    expect(large.syncs).toBeLessThanOrEqual(1 + Math.ceil((8 * small.payload) / (BATCH_BYTES - CHUNK_BYTES)));
    expect(large.syncs).toBeGreaterThan(small.syncs);
  }, 120_000);
});
