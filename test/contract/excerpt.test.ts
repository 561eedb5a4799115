import { excerpt } from "../../src/contract/excerpt";

describe("excerpt: user text as a message may repeat it", () => {
  it("keeps a short, plain text as it is", () => {
    expect(excerpt("2026-13-01")).toBe("2026-13-01");
    expect(excerpt("周计划-张三-2026W48")).toBe("周计划-张三-2026W48");
  });

  it("cuts after 60 characters with an ellipsis, never inside a surrogate pair or a cluster", () => {
    expect(excerpt("x".repeat(61))).toBe(`${"x".repeat(60)}…`);
    expect(excerpt("x".repeat(60))).toBe("x".repeat(60));
    expect(excerpt("😀".repeat(70))).toBe(`${"😀".repeat(60)}…`);
    expect(excerpt("👨‍👩‍👧".repeat(3), 2)).toBe("👨‍👩‍👧👨‍👩‍👧…");
    expect(excerpt("abcdef", 3)).toBe("abc…");
  });

  it("removes terminal escape sequences whole: colours, titles, hyperlinks, cursor moves, 8-bit CSI", () => {
    expect(excerpt("\x1b[31;1mred\x1b[0m")).toBe("red");
    expect(excerpt("\x1b]0;pwned\x07title")).toBe("title");
    expect(excerpt("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\")).toBe("link");
    expect(excerpt("a\x1b[2Jb\x1b[Hc\x1bcd\x1b(Be")).toBe("abcde");
    expect(excerpt("a\x9b31mb")).toBe("ab");
    expect(excerpt("a\x1bPq#0;2;0;0;0\x1b\\b")).toBe("ab");
    expect(excerpt("unterminated \x1b]0;title")).toBe("unterminated ");
  });

  it("turns line and column breaks into spaces and drops the other controls and invisible reordering characters", () => {
    expect(excerpt("a\tb\r\nc\u2028d")).toBe("a b  c d");
    expect(excerpt("a\x00b\x07c\x7fd\x85e")).toBe("abcd e");
    expect(excerpt("\ufeffabc\u202edcba\u2066x\u200b")).toBe("abcdcbax");
  });

  it("reads a 1.8 MB line with escapes in a moment and shows 60 characters of it", () => {
    const line = "\x1b[41m2026-10-01 " + "\x1b[5m假".repeat(300_000);
    const started = performance.now();
    const shown = excerpt(line);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(shown).toBe(`2026-10-01 ${"假".repeat(49)}…`);
  });
});
