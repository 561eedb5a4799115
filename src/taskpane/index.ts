/*
 * The pane's entry. It is deliberately tiny: in the shared runtime this page also hosts the custom
 * functions (loaded first, by their own chunk), so React and Fluent UI are fetched only once the
 * host is ready and the pane is actually shown.
 */
import type { ReadyInfo } from "../host/hostInfo";

const root = document.getElementById("root") as HTMLElement;

function start(ready: ReadyInfo): void {
  import(/* webpackChunkName: "pane" */ "./mount")
    .then(({ mount }) => mount(root, ready))
    .catch((error: unknown) => {
      console.error(error);
      root.textContent = "销售计划助手加载失败，请重新打开任务窗格。 Sales Planner failed to load; reopen the pane.";
    });
}

// Outside Office (plain browser, office.js blocked) Office may be missing entirely: run as a preview.
if (typeof Office === "undefined") start({ host: null });
else Office.onReady((info) => start({ host: info.host ?? null }));
