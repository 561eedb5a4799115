import { DomainError, numError, valueError } from "../../src/domain/errors";
import { excelResult } from "../../src/functions/excelErrors";

describe("excelResult", () => {
  it("passes results through", () => {
    expect(excelResult(() => [[1]])).toEqual([[1]]);
  });

  it("turns a DomainError into what Excel shows when no Excel runtime is present: #VALUE! with its message, #NUM! bare", () => {
    expect(excelResult(() => { throw valueError({ en: "weights is empty", zh: "权重为空" }); })).toEqual({ code: "#VALUE!", message: "weights is empty" });
    expect(excelResult(() => { throw numError({ en: "unit must be more than 0", zh: "单位必须大于 0" }); })).toEqual({ code: "#NUM!" });
  });

  it("turns anything unforeseen into #VALUE! with a message", () => {
    expect(excelResult(() => { throw new TypeError("boom"); })).toEqual({ code: "#VALUE!", message: "unexpected error: boom" });
    expect(excelResult(() => { throw undefined; })).toEqual({ code: "#VALUE!", message: "unexpected error: undefined" });
    expect(excelResult(() => { throw new Error(""); })).toEqual({ code: "#VALUE!", message: "unexpected error: unknown" });
  });

  it("keeps DomainError recognisable after down-levelling", () => {
    const error = new DomainError("#DIV/0!", "nothing to split by");
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
  });

  describe("inside Excel", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    const codes = { invalidValue: "#VALUE!", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", notAvailable: "#N/A" };
    beforeAll(() => {
      (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeError, ErrorCode: codes };
    });
    afterAll(() => {
      delete (globalThis as Record<string, unknown>).CustomFunctions;
    });

    // custom-functions-errors: "You can only return a custom error message with the #VALUE! and #N/A errors";
    // ErrorCode.invalidNumber / divisionByZero: "A custom error message can't be used".
    it.each<["#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A", string, string | undefined]>([
      ["#VALUE!", "invalidValue", "why"],
      ["#N/A", "notAvailable", "why"],
      ["#NUM!", "invalidNumber", undefined],
      ["#DIV/0!", "divisionByZero", undefined],
    ])("returns a CustomFunctions.Error for %s (%s), with a message only where Excel shows one", (code, name, message) => {
      const result = excelResult(() => { throw new DomainError(code, "why"); });
      expect(result).toBeInstanceOf(FakeError);
      expect(result).toEqual(new FakeError(codes[name as keyof typeof codes], message as string));
    });
  });
});
