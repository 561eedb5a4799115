import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import * as functions from "../../src/functions/functions";
import { CONTRACT } from "./contract.fixture";

const FUNCTIONS_FILE = path.join(__dirname, "../../src/functions/functions.ts");

interface ZhEntry {
  name: string;
  description: string;
  parameters: Record<string, { name: string; description: string }>;
}
const zhNames = JSON.parse(
  readFileSync(path.join(__dirname, "../../src/contract/functionNames.zh-CN.json"), "utf8"),
) as Record<string, ZhEntry>;

describe("functions.ts against the contract", () => {
  it("exports exactly the contract's functions, each taking the contract's arguments", () => {
    expect(Object.keys(functions).sort()).toEqual(CONTRACT.map((entry) => entry.exportName).sort());
    CONTRACT.forEach((entry) => {
      const exported = (functions as Record<string, unknown>)[entry.exportName];
      expect(typeof exported).toBe("function");
      expect((exported as (...args: unknown[]) => unknown).length).toBe(entry.parameters.length);
    });
  });

  it("yields metadata with the contract's ids, parameter names, optionality and ranges", async () => {
    const generated = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
    expect(generated.errors).toEqual([]);
    const metadata = JSON.parse(generated.metadataJson) as {
      functions: {
        id: string;
        parameters: { name: string; optional?: boolean; dimensionality?: string; description?: string }[];
        result: { dimensionality?: string };
        description: string;
      }[];
    };
    expect(metadata.functions.map((entry) => entry.id)).toEqual(CONTRACT.map((entry) => entry.id));
    CONTRACT.forEach((entry, index) => {
      const generatedEntry = metadata.functions[index];
      expect(generatedEntry.description).toBeTruthy();
      expect(generatedEntry.result.dimensionality === "matrix").toBe(entry.returnsRange);
      expect(
        generatedEntry.parameters.map((parameter) => ({
          name: parameter.name,
          optional: parameter.optional === true,
          range: parameter.dimensionality === "matrix",
        })),
      ).toEqual(entry.parameters);
      generatedEntry.parameters.forEach((parameter) => expect(parameter.description).toBeTruthy());
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
