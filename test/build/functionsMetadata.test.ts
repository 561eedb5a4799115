import { readFileSync } from "node:fs";
import { CONTRACT } from "../functions/contract.fixture";
import { distFile } from "../support/paths";

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
    result: { type?: string; dimensionality?: string };
  }[];
}

const read = (file: string) => JSON.parse(readFileSync(distFile(file), "utf8")) as Metadata;

describe("dist/functions.json (generated from JSDoc by the build)", () => {
  const metadata = read("functions.json");

  test("lists every function of the contract, in order, under its id", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(CONTRACT.map((c) => c.id));
    expect(metadata.functions.map((f) => f.name)).toEqual(CONTRACT.map((c) => c.id));
  });

  test.each(CONTRACT.map((c) => [c.id, c] as const))("%s has the contract's parameters and result shape", (_id, contract) => {
    const fn = metadata.functions.find((f) => f.id === contract.id)!;
    expect(fn.description.length).toBeGreaterThan(10);
    expect(fn.parameters.map((p) => p.name)).toEqual(contract.parameters.map((p) => p.name));
    fn.parameters.forEach((p, i) => {
      const expected = contract.parameters[i];
      // "any" lets Excel pass blanks, text and errors through, so our own messages reach the user.
      expect(p.type ?? "any").toBe("any");
      expect(p.dimensionality === "matrix").toBe(expected.range);
      expect(p.optional === true).toBe(expected.optional);
      expect((p.description ?? "").length).toBeGreaterThan(3);
    });
    expect(fn.result.dimensionality === "matrix").toBe(contract.returnsRange);
  });

  test("Excel passes error cells to the functions (their messages name the cell) and plain values, not data-type objects", () => {
    // custom-functions-json "Metadata reference": allowErrorForDataTypeAny lets `any` parameters receive
    // errors; allowCustomDataForDataTypeAny hands data types over as objects, which excelArgs refuses.
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const flags = JSON.parse(readFileSync(distFile(file), "utf8")) as Record<string, unknown>;
      expect([file, flags.allowErrorForDataTypeAny, flags.allowCustomDataForDataTypeAny]).toEqual([file, true, false]);
    }
  });

  test("the bundled functions script associates every id with its implementation", () => {
    const script = readFileSync(distFile("functions.js"), "utf8");
    for (const c of CONTRACT) expect(script).toMatch(new RegExp(`associate\\("${c.id}",`));
  });
});

describe("dist/functions.zh-CN.json (derived from functions.json and contract/functionNames.zh-CN.json)", () => {
  const en = read("functions.json");
  const zh = read("functions.zh-CN.json");

  test("has the same ids, parameter order, types and shapes as functions.json", () => {
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({ id: f.id, result: f.result, params: f.parameters.map(({ type, dimensionality, optional }) => ({ type, dimensionality, optional })) }));
    expect(shape(zh)).toEqual(shape(en));
  });

  test("shows the contract's zh-CN display names, and Chinese descriptions for every function and parameter", () => {
    expect(zh.functions.map((f) => f.name)).toEqual(CONTRACT.map((c) => c.zhName));
    for (const fn of zh.functions) {
      expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of fn.parameters) expect(`${p.name}${p.description}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("the custom-functions chunk loads first and alone", () => {
  const read = (file: string) => readFileSync(distFile(file), "utf8");
  const paneChunks = () =>
    require("node:fs")
      .readdirSync(require("node:path").dirname(distFile("functions.js")))
      .filter((f: string) => f.endsWith(".js") && f !== "functions.js");

  test("functions.js pulls in neither React, Fluent UI, office-js-helpers nor exceljs", () => {
    const script = read("functions.js");
    expect(script.length).toBeLessThan(60_000);
    for (const marker of ["react.transitional.element", "__CLIENT_INTERNALS", "fui-FluentProvider", "OfficeHelpers", "exceljs"]) {
      expect(script).not.toContain(marker);
    }
  });

  test("no other chunk associates the functions a second time", () => {
    for (const chunk of paneChunks()) expect(read(chunk)).not.toMatch(/CustomFunctions\.associate\(/);
  });
});
