import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const { decideCertificates, devCertificates } = require("../../scripts/startCerts");
const mkcert = require("mkcert");

type Files = { ca?: string; cert?: string; key?: string };
const DAY = 24 * 60 * 60 * 1000;

/** A CA and a localhost certificate it signed, as office-addin-dev-certs makes them (same generator). */
async function certificateSet(validityDays = 30): Promise<{ ca: string; cert: string; key: string }> {
  const ca = await mkcert.createCA({ organization: "Developer CA for Microsoft Office Add-ins", countryCode: "US", state: "WA", locality: "Redmond", validity: validityDays });
  const localhost = await mkcert.createCert({ ca, domains: ["127.0.0.1", "localhost"], validity: validityDays });
  return { ca: ca.cert, cert: localhost.cert, key: localhost.key };
}

let good: Awaited<ReturnType<typeof certificateSet>>;
let other: Awaited<ReturnType<typeof certificateSet>>;
beforeAll(async () => {
  good = await certificateSet();
  other = await certificateSet();
});

const files = (s: Files): Files => ({ ca: s.ca, cert: s.cert, key: s.key });

test("a complete, matching set within its dates is reused", () => {
  expect(decideCertificates(files(good), new Date())).toEqual({ action: "reuse" });
  expect(decideCertificates(files(good), new Date(Date.now() + 29 * DAY))).toEqual({ action: "reuse" });
});

test("past the certificates' end date the set is regenerated", () => {
  expect(decideCertificates(files(good), new Date(Date.now() + 31 * DAY))).toEqual({ action: "generate", reason: "expired" });
});

test.each([
  ["the CA", { ca: undefined }],
  ["the certificate", { cert: undefined }],
  ["the key", { key: undefined }],
])("without %s a set is generated", (_what, missing) => {
  expect(decideCertificates({ ...files(good), ...missing }, new Date())).toEqual({ action: "generate", reason: "missing" });
});

test.each([
  ["a key of another certificate", () => ({ ...files(good), key: other.key })],
  ["a certificate another CA signed", () => ({ ...files(good), ca: other.ca })],
  ["a file that is not a certificate", () => ({ ...files(good), cert: "not a certificate" })],
])("%s cannot serve: a set is generated", (_what, set) => {
  expect(decideCertificates(set(), new Date())).toEqual({ action: "generate", reason: "unusable" });
});

describe("devCertificates on a folder", () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  function folderWith(set: Files): { dir: string; paths: { ca: string; cert: string; key: string } } {
    const dir = mkdtempSync(path.join(tmpdir(), "start-certs-"));
    folders.push(dir);
    const paths = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
    for (const name of ["ca", "cert", "key"] as const) if (set[name] !== undefined) writeFileSync(paths[name], set[name]!);
    return { dir, paths };
  }
  const writeSet = (set: Files) => async (paths: { ca: string; cert: string; key: string }) => {
    writeFileSync(paths.ca, set.ca!);
    writeFileSync(paths.cert, set.cert!);
    writeFileSync(paths.key, set.key!);
  };

  test("valid files are served as they are and nothing is generated", async () => {
    const { dir, paths } = folderWith(files(good));
    const generate = jest.fn();
    const result = await devCertificates(paths, new Date(), generate);
    expect(generate).not.toHaveBeenCalled();
    expect(result.generated).toBe(false);
    expect(result.tls.ca.toString()).toBe(good.ca);
    expect(result.tls.cert.toString()).toBe(good.cert);
    expect(readdirSync(dir).sort()).toEqual(["ca.crt", "localhost.crt", "localhost.key"]);
  });

  test("an expired set is kept beside the new one, byte for byte", async () => {
    const { dir, paths } = folderWith(files(good));
    const later = new Date(Date.now() + 31 * DAY);
    const result = await devCertificates(paths, later, writeSet(other));
    expect(result).toMatchObject({ generated: true, reason: "expired" });
    expect(result.tls.ca.toString()).toBe(other.ca);
    const stamp = later.toISOString().slice(0, 19).replace(/:/g, "-");
    expect(readdirSync(dir).sort()).toEqual(
      ["ca.crt", `ca.old-${stamp}.crt`, "localhost.crt", `localhost.old-${stamp}.crt`, `localhost.old-${stamp}.key`, "localhost.key"].sort(),
    );
    expect(readFileSync(path.join(dir, `ca.old-${stamp}.crt`), "utf8")).toBe(good.ca);
  });

  test("a missing key: the certificate and CA there are kept, a new set is written", async () => {
    const { dir, paths } = folderWith({ ca: good.ca, cert: good.cert });
    const result = await devCertificates(paths, new Date(), writeSet(other));
    expect(result).toMatchObject({ generated: true, reason: "missing" });
    expect(result.movedAside.map((f: string) => path.basename(f))).toEqual([expect.stringMatching(/^ca\.old-.*\.crt$/), expect.stringMatching(/^localhost\.old-.*\.crt$/)]);
    expect(readdirSync(dir)).toHaveLength(5);
  });
});
