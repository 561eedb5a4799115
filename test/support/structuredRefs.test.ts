import { structuredReferences } from "./structuredRefs";

const refs = (formula: string) => Object.fromEntries(structuredReferences(formula));

test("tables and the columns their structured references name, in every spelling", () => {
  expect(refs("=SUM(T[金额])+COUNTA(T[[#Data],[甲]:[乙]])+ROWS(T[])+T[@x]+T[@[y z]]+COUNTA(T[#All],T[[#Headers],[w]])")).toEqual({ T: ["金额", "甲", "乙", "x", "y z", "w"] });
  expect(refs("=T[[#This Row],[a'[b']'#c'']]")).toEqual({ T: ["a[b]#c'"] });
  // A column whose name starts with # is escaped, and is a column, not a special item.
  expect(refs("=T[['#1]]")).toEqual({ T: ["#1"] });
});

test("string constants are not references, but inside brackets a \" belongs to the column's name", () => {
  expect(refs('=IF(T[a]>0,"U[b]",V[c])')).toEqual({ T: ["a"], V: ["c"] });
  expect(refs('=T[[say "hi"]]+U[[c"d]]')).toEqual({ T: ['say "hi"'], U: ['c"d'] });
  expect(refs("='Say \"x\" [1]'!A1+T[k]")).toEqual({ T: ["k"] });
});
