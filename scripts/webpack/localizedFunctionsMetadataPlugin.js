// Derives functions.<locale>.json from the functions.json that custom-functions-metadata generates from
// JSDoc, so ids, parameter order, types and options can never drift between languages: only display
// names and descriptions come from the locale's table, and a missing or unknown entry fails the build.
const fs = require("fs");
const { sources, WebpackError, Compilation } = require("webpack");

const pluginName = "LocalizedFunctionsMetadataPlugin";

/**
 * The top-level switches of the metadata, set here because custom-functions-metadata always writes
 * `allowCustomDataForDataTypeAny: true` and never `allowErrorForDataTypeAny` (custom-functions-json docs,
 * "Metadata reference"). Every SALES parameter is `any`, read cell by cell by src/functions/excelArgs.ts:
 * - allowErrorForDataTypeAny true: an error cell (#N/A in a weights range) reaches the function, whose
 *   #VALUE! message then names the cell to fix — without it Excel never calls the function at all;
 * - allowCustomDataForDataTypeAny false: the functions compute on plain numbers, texts and dates; with it,
 *   a linked data type (stock, geography) would arrive as an object and be refused as "not a single value".
 */
const FLAGS = { allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: false };

/** The generated metadata with FLAGS in place of the generator's own. */
const withFlags = (metadata) => ({ ...metadata, ...FLAGS });

function localize(metadata, table, locale) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`${locale}: "${id}" is not a custom function id`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`${locale}: no entry for function ${fn.id}`);
      return fn;
    }
    const params = fn.parameters || [];
    const known = new Set(params.map((p) => p.name));
    for (const name of Object.keys(entry.parameters || {})) {
      if (!known.has(name)) problems.push(`${locale}: ${fn.id} has no parameter "${name}"`);
    }
    return {
      ...fn,
      name: entry.name,
      description: entry.description,
      parameters: params.map((p) => {
        const local = (entry.parameters || {})[p.name];
        if (!local) {
          problems.push(`${locale}: no entry for parameter ${fn.id}.${p.name}`);
          return p;
        }
        return { ...p, name: local.name, description: local.description };
      }),
    };
  });
  return { metadata: { ...metadata, functions }, problems };
}

class LocalizedFunctionsMetadataPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      for (const file of Object.values(this.options.locales)) compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tap(
        { name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          const source = assets[this.options.source];
          if (!source) {
            compilation.errors.push(new WebpackError(`${pluginName}: ${this.options.source} was not generated`));
            return;
          }
          const metadata = withFlags(JSON.parse(source.source().toString()));
          compilation.updateAsset(this.options.source, new sources.RawSource(JSON.stringify(metadata, null, 2)));
          for (const [locale, file] of Object.entries(this.options.locales)) {
            const table = JSON.parse(fs.readFileSync(file, "utf8"));
            const result = localize(metadata, table, locale);
            result.problems.forEach((p) => compilation.errors.push(new WebpackError(`${pluginName}: ${p}`)));
            const target = this.options.source.replace(/\.json$/, `.${locale}.json`);
            compilation.emitAsset(target, new sources.RawSource(JSON.stringify(result.metadata, null, 2)));
          }
        },
      );
    });
  }
}

LocalizedFunctionsMetadataPlugin.localize = localize;
LocalizedFunctionsMetadataPlugin.withFlags = withFlags;
module.exports = LocalizedFunctionsMetadataPlugin;
