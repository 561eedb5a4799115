// The dev certificates `npm start` serves https with. office-addin-dev-certs' getHttpsServerOptions and
// ensureCertificatesAreInstalled uninstall the trusted CA and delete ~/.office-addin-dev-certs whenever the CA
// is not in the system store (always on Linux, where it needs sudo), so a CA the user imported into a browser
// was replaced on every start. Here valid files are reused as they are, and a set that cannot serve is moved
// aside, never deleted, before a new one is generated.
const { X509Certificate, createPrivateKey, createPublicKey } = require("crypto");
const fs = require("fs");
const path = require("path");

/**
 * Whether the files `{ ca, cert, key }` (their contents, undefined where missing) can serve https at `now`:
 * `{ action: "reuse" }`, or `{ action: "generate", reason }` with reason "missing" (a file is not there),
 * "unusable" (not a certificate or key, the key not the certificate's, or the certificate not issued by the
 * CA) or "expired" (the certificate or the CA).
 */
function decideCertificates(files, now) {
  if (files.ca === undefined || files.cert === undefined || files.key === undefined) return { action: "generate", reason: "missing" };
  let ca, cert, keyMatches;
  try {
    ca = new X509Certificate(files.ca);
    cert = new X509Certificate(files.cert);
    const publicOfKey = createPublicKey(createPrivateKey(files.key)).export({ type: "spki", format: "der" });
    keyMatches = publicOfKey.equals(cert.publicKey.export({ type: "spki", format: "der" }));
  } catch {
    return { action: "generate", reason: "unusable" };
  }
  if (!keyMatches || !cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return { action: "generate", reason: "unusable" };
  const expired = (certificate) => new Date(certificate.validTo).getTime() <= now.getTime();
  if (expired(cert) || expired(ca)) return { action: "generate", reason: "expired" };
  return { action: "reuse" };
}

/** `name.ext` → `name.old-<yyyy-mm-ddThh-mm-ss>.ext`: where a replaced file is kept. */
function asidePath(file, now) {
  const { dir, name, ext } = path.parse(file);
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, "-");
  return path.join(dir, `${name}.old-${stamp}${ext}`);
}

const readIfThere = (file) => (fs.existsSync(file) ? fs.readFileSync(file) : undefined);

/**
 * The TLS options for the dev server from `paths` ({ ca, cert, key }, office-addin-dev-certs' defaults in
 * `npm start`): the files as they are when `decideCertificates` says reuse; otherwise the old files are
 * renamed aside and `generate(paths)` writes a new set. Returns `{ tls, generated, reason, movedAside }`.
 */
async function devCertificates(paths, now, generate) {
  const read = () => ({ ca: readIfThere(paths.ca), cert: readIfThere(paths.cert), key: readIfThere(paths.key) });
  const found = read();
  const decision = decideCertificates(found, now);
  if (decision.action === "reuse") return { tls: found, generated: false, reason: undefined, movedAside: [] };
  const movedAside = [];
  for (const file of [paths.ca, paths.cert, paths.key]) {
    if (!fs.existsSync(file)) continue;
    const aside = asidePath(file, now);
    fs.renameSync(file, aside);
    movedAside.push(aside);
  }
  await generate(paths);
  return { tls: read(), generated: true, reason: decision.reason, movedAside };
}

module.exports = { decideCertificates, devCertificates };
