import { paneHarness } from "../support/browser";

/*
 * Issue 18 review: a month or week typed outside the dates the calendar counts blanked the whole pane
 * (the form's check threw in render). It is now the field's problem, with the range to type.
 */

const pane = paneHarness();

test("a monthly plan for 1900-01 keeps the pane and says which months to type", async () => {
  const { page, errors } = await pane.open();
  await page.getByTestId("template-monthly").getByRole("button").click();
  await page.getByRole("textbox", { name: "月份" }).fill("1900-01");
  await page.getByText("超出支持范围：请填写 1900-03 至 9999-11 之间的月份。").waitFor();
  // The form is still there to correct the month, and nothing was thrown.
  await page.getByRole("textbox", { name: "月份" }).fill("2026-11");
  await page.getByText("超出支持范围").waitFor({ state: "detached" });
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a weekly plan for 9999-W52 is refused on its week, with the weeks to type", async () => {
  const { page, errors } = await pane.open();
  await page.getByTestId("template-weekly").getByRole("button").click();
  await page.getByRole("textbox", { name: "周次" }).fill("9999-W52");
  await page.getByText("超出支持范围：请填写 1900-W10 至 9999-W51 之间的周次。").waitFor();
  expect(await page.getByText("2958467").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});
