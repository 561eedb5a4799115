const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const LocalizedFunctionsMetadataPlugin = require("./scripts/webpack/localizedFunctionsMetadataPlugin");
const pkg = require("./package.json");

const devUrl = `https://localhost:${pkg.config.dev_server_port}/`;
// The CDN is what Office expects in production; tests route it to the local copy in node_modules.
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsLocalDir = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");

/**
 * The shipped manifest: every dev URL rewritten to `prodUrl`. The build fails rather than ship a
 * manifest that still names the development host anywhere (attribute, element text or comment) or a
 * production URL Office would refuse (it loads add-ins over https only), and prints the URL it wrote.
 */
function productionManifest(source, prodUrl) {
  const url = new URL(prodUrl);
  if (url.protocol !== "https:" || !prodUrl.endsWith("/")) {
    throw new Error(`config.prod_url / SALES_PLANNER_URL must be an https URL ending in "/", got "${prodUrl}"`);
  }
  const manifest = source.split(devUrl).join(prodUrl);
  const devHost = new URL(devUrl).hostname;
  const left = manifest.split("\n").findIndex((line) => line.includes(devHost));
  if (left >= 0) throw new Error(`dist/manifest.xml line ${left + 1} still names ${devHost}: write every URL as ${devUrl}…`);
  console.log(`dist/manifest.xml: the add-in is served from ${prodUrl}`);
  return manifest;
}

/** The add-in's pages and scripts, served to Office. */
function webConfig(argv) {
  const production = argv.mode === "production";
  const prodUrl = process.env.SALES_PLANNER_URL || pkg.config.prod_url;
  return {
    // Set here too, not only by webpack-cli's --mode: `npm start` builds through the API, where a missing
    // mode falls back to a minified production build (slow, with a warning).
    mode: argv.mode,
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked once by `tsc --noEmit` in `npm test`; the bundle only needs transpiling.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedFunctionsMetadataPlugin({
        source: "functions.json",
        locales: { "zh-CN": path.resolve(__dirname, "src/contract/functionNames.zh-CN.json") },
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions first: formulas must calculate even before the pane's UI has loaded.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJs: production ? officeJsCdn : "/office-js/office.js",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? productionManifest(content.toString(), prodUrl) : content),
          },
        ],
      }),
    ],
    // Two named vendor chunks keep the bundle-size report (npm run bench) readable, and keep exceljs
    // (only the browser preview writes .xlsx files) out of what the pane loads inside Excel.
    optimization: {
      splitChunks: {
        cacheGroups: {
          xlsx: { test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/, name: "vendor-xlsx", chunks: "async", priority: 20 },
          ui: { test: /[\\/]node_modules[\\/]/, name: "vendor-ui", chunks: "async", priority: 10 },
        },
      },
    },
    performance: { hints: false },
    devServer: {
      port: pkg.config.dev_server_port,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: officeJsLocalDir, publicPath: "/office-js" }],
      client: { overlay: { warnings: false } },
    },
  };
}

/**
 * `npx sales-planner`: one Node script in dist/cli (package.json "bin"). exceljs and jszip stay
 * external, loaded from node_modules, instead of being bundled a second time.
 */
function cliConfig(argv) {
  const out = path.resolve(__dirname, "dist/cli");
  return {
    name: "cli",
    target: "node20",
    devtool: argv.mode === "production" ? "source-map" : "eval-source-map",
    entry: { "sales-planner": "./src/cli/bin.ts" },
    output: { path: out, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
    externals: { exceljs: "commonjs exceljs", jszip: "commonjs jszip" },
    plugins: [
      new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
      // npx runs the bin directly, so it must be executable.
      { apply: (compiler) => compiler.hooks.afterEmit.tap("chmod", () => fs.chmodSync(path.join(out, "sales-planner.js"), 0o755)) },
    ],
    performance: { hints: false },
  };
}

// The web build cleans dist/ first, so the CLI build runs after it (dependencies) into dist/cli.
module.exports = (env, argv) => [
  { name: "web", ...webConfig(argv) },
  { ...cliConfig(argv), dependencies: ["web"] },
];
module.exports.webConfig = webConfig;
module.exports.officeJsCdn = officeJsCdn;
module.exports.officeJsLocalDir = officeJsLocalDir;
