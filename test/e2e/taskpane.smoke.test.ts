import { outsideRequestsOfOurs, paneHarness, screenshotPath } from "../support/browser";

const pane = paneHarness();

test("the built task pane renders as a preview outside Office, in zh-CN, without console errors", async () => {
  const { page, errors, blocked } = await pane.open();
  await page.getByRole("heading", { level: 1, name: "销售计划助手" }).waitFor();
  await page.getByTestId("preview-banner").waitFor();
  expect(await page.getByTestId("preview-banner").textContent()).toContain("预览模式");
  await page.getByTestId("gallery").waitFor();
  expect(await page.getByTestId("gallery").textContent()).toContain("客户资源登记表");
  await page.screenshot({ path: screenshotPath("taskpane-zh-CN.png"), fullPage: true });
  expect(errors).toEqual([]);
  expect(outsideRequestsOfOurs(blocked)).toEqual([]);
  await page.context().close();
});

test("the language switch turns the pane to en-US, and the choice is remembered", async () => {
  const { page, errors } = await pane.open();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("heading", { level: 1, name: "Sales Planner" }).waitFor();
  expect(await page.getByTestId("gallery").textContent()).toContain("Customer register");
  await page.screenshot({ path: screenshotPath("taskpane-en-US.png"), fullPage: true });
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Sales Planner" }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the page loads the custom-functions script before the pane's", async () => {
  const { page } = await pane.open();
  const scripts = await page.$$eval("script[src]", (nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
  const names = scripts.map((s) => s.split("/").pop());
  expect(names.indexOf("functions.js")).toBeGreaterThan(names.indexOf("office.js"));
  expect(names.indexOf("functions.js")).toBeLessThan(names.indexOf("taskpane.js"));
  await page.context().close();
});
