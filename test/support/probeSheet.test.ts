import { ruleAt } from "./probeSheet";

describe("ruleAt: a format rule's expression moved down its target", () => {
  test("relative rows move, absolute rows stay, each reference is qualified with the rule's sheet", () => {
    expect(ruleAt("AND(ISNUMBER($S7),$S7<TODAY(),$C$5>B7)", "大客户名单", 3)).toBe("IF(AND(ISNUMBER('大客户名单'!$S10),'大客户名单'!$S10<TODAY(),'大客户名单'!$C$5>'大客户名单'!B10),1,0)");
  });

  test("names holding a cell-like part (SP_A1_START), functions (LOG10) and string literals are left alone", () => {
    expect(ruleAt('AND($A32<SP_A1_START,LOG10(B2)>0,$C32<>"A1")', "Key-account's plan", 1)).toBe(
      `IF(AND('Key-account''s plan'!$A33<SP_A1_START,LOG10('Key-account''s plan'!B3)>0,'Key-account''s plan'!$C33<>"A1"),1,0)`,
    );
  });
});
