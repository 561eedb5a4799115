import { readFileSync } from "node:fs";
import path from "node:path";
import * as functions from "../../src/functions/functions";
import { CONTRACT } from "./contract.fixture";

interface ZhEntry {
  name: string;
  description: string;
  parameters: Record<string, { name: string; description: string }>;
}
const zhNames = JSON.parse(
  readFileSync(path.join(__dirname, "../../src/contract/functionNames.zh-CN.json"), "utf8"),
) as Record<string, ZhEntry>;

// The metadata the build generates from functions.ts's JSDoc (ids, parameters, optionality, ranges) is
// checked once, as shipped, in test/build/functionsMetadata.test.ts.
describe("functions.ts against the contract", () => {
  it("exports exactly the contract's functions, each taking the contract's arguments", () => {
    expect(Object.keys(functions).sort()).toEqual(CONTRACT.map((entry) => entry.exportName).sort());
    CONTRACT.forEach((entry) => {
      const exported = (functions as Record<string, unknown>)[entry.exportName];
      expect(typeof exported).toBe("function");
      expect((exported as (...args: unknown[]) => unknown).length).toBe(entry.parameters.length);
    });
  });
});

describe("contract/functionNames.zh-CN.json against the contract", () => {
  it("has one entry per id, no more", () => {
    expect(Object.keys(zhNames).sort()).toEqual(CONTRACT.map((entry) => entry.id).sort());
  });

  it.each(CONTRACT.map((entry) => [entry.id, entry] as const))("%s has the zh name and every parameter, no more", (id, entry) => {
    const zh = zhNames[id];
    expect(Object.keys(zh).sort()).toEqual(["description", "name", "parameters"]);
    expect(zh.name).toBe(entry.zhName);
    expect(zh.description.trim()).not.toBe("");
    expect(Object.keys(zh.parameters)).toEqual(entry.parameters.map((parameter) => parameter.name));
    Object.values(zh.parameters).forEach((parameter) => {
      expect(Object.keys(parameter).sort()).toEqual(["description", "name"]);
      expect(parameter.name.trim()).not.toBe("");
      expect(parameter.description.trim()).not.toBe("");
    });
  });
});
