import { main } from "./main";

/** Entry point of `npx sales-planner`; everything testable lives in main.ts. */
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
