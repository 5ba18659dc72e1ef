// What an editor shows for a notices file: drives yaml-language-server (the YAML language server of
// VS Code and most other editors) over stdio as an editor would, with the committed schema, and checks
// what users see. Completion in a `lawful_bases:` list offers the six bases, each with its own meaning;
// hover on a field is headed by the field's title; backticks in a description render as code; a misspelt
// field, a value outside a closed list and a text that does not fit a pattern are flagged, the last in
// words. notices.yaml itself, opened with its own modeline, has no problems.
//
// Usage: node yls_check.mjs [SCHEMA] [NOTICES]
//   SCHEMA   the schema to check (default: ../../schema/notice.schema.json)
//   NOTICES  the notices file opened by its own modeline (default: ../../notices.yaml)
// Exits 1 with the failed checks listed, 0 when every check passes.

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const schemaPath = path.resolve(process.argv[2] ?? path.join(root, "schema/notice.schema.json"));
const noticesPath = path.resolve(process.argv[3] ?? path.join(root, "notices.yaml"));
const schemaUri = pathToFileURL(schemaPath).href;
const require = createRequire(import.meta.url);
const serverMain = require.resolve("yaml-language-server/bin/yaml-language-server");

const LAWFUL_BASES = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interests",
];
const TIMEOUT_MS = 30000;

// ------------------------------------------------------------------ the LSP connection

/** A JSON-RPC connection to the server over its stdio, with Content-Length framing. */
class Connection {
  constructor(child) {
    this.child = child;
    this.nextId = 1;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
    this.diagnostics = new Map();
    this.diagnosticWaiters = [];
    child.stdout.on("data", (chunk) => this.receive(chunk));
  }

  /** Writes one message with its header. */
  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Sends a request and resolves with its result. */
  request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  /** Splits the byte stream into messages by their Content-Length headers. */
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString("ascii");
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match) throw new Error(`message header without Content-Length: ${header}`);
      const length = Number(match[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  /** Answers the server's requests as an editor would, and files responses and diagnostics. */
  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.method === "workspace/configuration") {
      const result = message.params.items.map((item) => sectionOf(SETTINGS, item.section));
      this.send({ id: message.id, result });
    } else if (message.id !== undefined) {
      // client/registerCapability, window/workDoneProgress/create and the like.
      this.send({ id: message.id, result: null });
    } else if (message.method === "textDocument/publishDiagnostics") {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
      for (const waiter of this.diagnosticWaiters) waiter(message.params.uri);
    }
  }

  /** Resolves with the diagnostics the server publishes for `uri` after the call. */
  nextDiagnostics(uri) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      const waiter = (published) => {
        if (published !== uri) return;
        clearTimeout(timer);
        this.diagnosticWaiters = this.diagnosticWaiters.filter((w) => w !== waiter);
        resolve(this.diagnostics.get(uri));
      };
      this.diagnosticWaiters.push(waiter);
    });
  }
}

/** The editor settings: validation, hover and completion on; no schemas fetched from the network. */
const SETTINGS = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: {},
  },
};

/** The part of the settings named by a dotted section (`yaml.schemas`), or all of them. */
function sectionOf(settings, section) {
  if (!section) return settings;
  return section.split(".").reduce((s, key) => (s == null ? null : s[key] ?? null), settings);
}

// ------------------------------------------------------------------ the checks

const checked = [];
const failed = [];

/** Records one check: what it looked at, and whether it held. */
function check(what, ok, detail) {
  if (ok) {
    checked.push(what);
  } else {
    failed.push(`${what}${detail ? `\n      ${detail}` : ""}`);
  }
}

/** The text of a completion item's or hover's documentation, Markdown or plain. */
function textOf(doc) {
  if (doc == null) return "";
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) return doc.map(textOf).join("\n");
  return doc.value ?? "";
}

/** Opens a document and resolves with the diagnostics the server publishes for it. */
async function open(conn, uri, text) {
  const published = conn.nextDiagnostics(uri);
  conn.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
  return published;
}

/** The line and character just after the first `marker` in `text` (plus `offset` characters). */
function positionOf(text, marker, offset = marker.length) {
  const index = text.indexOf(marker);
  if (index < 0) throw new Error(`marker ${JSON.stringify(marker)} not in the document`);
  const before = text.slice(0, index + offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const modeline = `# yaml-language-server: $schema=${schemaUri}\n`;
const scratch = pathToFileURL(path.join(root, "target/yls-check")).href;

async function completionChecks(conn) {
  const text = `${modeline}notices:
  - id: example
    purposes:
      - id: rent
        name: Rent
        lawful_bases:
          - 
`;
  const uri = `${scratch}/completion.yaml`;
  await open(conn, uri, text);
  const result = await conn.request("textDocument/completion", {
    textDocument: { uri },
    position: positionOf(text, "          - "),
  });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  const labels = items.map((i) => i.label);
  const missing = LAWFUL_BASES.filter((b) => !labels.includes(b));
  check(
    "completion in a `lawful_bases:` list offers the six lawful bases",
    missing.length === 0,
    `missing ${missing.join(", ")}; offered ${labels.join(", ") || "nothing"}`,
  );
  const docs = LAWFUL_BASES.map((b) => textOf(items.find((i) => i.label === b)?.documentation));
  const distinct = new Set(docs.filter((d) => d.trim() !== ""));
  check(
    "each lawful basis completes with its own documentation (six distinct texts)",
    distinct.size === LAWFUL_BASES.length,
    `documentation: ${JSON.stringify(docs)}`,
  );
  const consent = docs[0];
  check(
    "`consent` is documented as consent, with its article (Art. 6(1)(a))",
    /consent/i.test(consent) && consent.includes("6(1)(a)"),
    `documentation: ${JSON.stringify(consent)}`,
  );
  console.log(`  completion: ${labels.filter((l) => LAWFUL_BASES.includes(l)).length} lawful bases offered`);
  for (const [i, b] of LAWFUL_BASES.entries()) console.log(`    ${b}: ${docs[i].replace(/\s+/g, " ")}`);
}

async function hoverChecks(conn) {
  const text = `${modeline}notices:
  - id: example
    purposes:
      - id: rent
        name: Rent
        lawful_bases: [consent]
`;
  const uri = `${scratch}/hover.yaml`;
  await open(conn, uri, text);
  const hover = async (marker, offset) =>
    textOf((await conn.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, marker, offset) }))?.contents);

  const bases = await hover("lawful_bases", 3);
  check(
    "hover on `lawful_bases` is headed by its title, not the file's",
    /^#### Lawful bases/m.test(bases) && !bases.includes("noticec notices file"),
    `hover: ${JSON.stringify(bases)}`,
  );
  console.log(`  hover on lawful_bases: ${JSON.stringify(bases.split("\n")[0])}`);

  const purposes = await hover("purposes", 3);
  check(
    "hover on `purposes` is headed by its title",
    /^#### Purposes/m.test(purposes),
    `hover: ${JSON.stringify(purposes)}`,
  );

  const id = await hover("      - id: rent", 9);
  check(
    "backticks in a description render as code in hover (`rent-collection`, not escaped)",
    id.includes("`rent-collection`") && !id.includes("\\`"),
    `hover: ${JSON.stringify(id)}`,
  );

  const value = await hover("[consent", 3);
  check(
    "hover on the value `consent` gives its meaning",
    value.includes("6(1)(a)"),
    `hover: ${JSON.stringify(value)}`,
  );
}

async function diagnosticChecks(conn) {
  const text = `${modeline}notices:
  - id: example
    titel: A misspelt field
    last_updated: 7 March 2023
    purposes:
      - id: rent
        name: Rent
        lawful_bases: [consnt]
`;
  const uri = `${scratch}/problems.yaml`;
  const diagnostics = await open(conn, uri, text);
  const messages = diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
  const on = (marker) => {
    const line = positionOf(text, marker, 0).line;
    return diagnostics.filter((d) => d.range.start.line === line).map((d) => d.message);
  };
  check(
    "a misspelt field (`titel`) is flagged",
    on("titel:").some((m) => /titel/.test(m) && /not allowed/i.test(m)),
    `diagnostics: ${JSON.stringify(messages)}`,
  );
  check(
    "a value outside a closed list (`consnt`) is flagged, with the allowed values",
    on("[consnt]").some((m) => /Valid values/i.test(m) && m.includes('"consent"')),
    `diagnostics: ${JSON.stringify(messages)}`,
  );
  check(
    "a date that does not fit the pattern is flagged in words, not as a regular expression",
    on("last_updated:").some((m) => /not a valid date/i.test(m) && !m.includes("[0-9]")),
    `diagnostics: ${JSON.stringify(messages)}`,
  );
  console.log("  diagnostics on the faulty file:");
  for (const m of messages) console.log(`    line ${m}`);
}

async function modelineCheck(conn) {
  const uri = pathToFileURL(noticesPath).href;
  const text = readFileSync(noticesPath, "utf8");
  const diagnostics = await open(conn, uri, text);
  check(
    `${path.relative(root, noticesPath)} opened by its own modeline has no problems`,
    text.startsWith("# yaml-language-server: $schema=") && diagnostics.length === 0,
    `diagnostics: ${JSON.stringify(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`))}`,
  );
}

// ------------------------------------------------------------------ main

async function main() {
  console.log(`yaml-language-server ${require("yaml-language-server/package.json").version}, schema ${path.relative(process.cwd(), schemaPath)}`);
  const child = spawn(process.execPath, [serverMain, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn = new Connection(child);
  try {
    await conn.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: "noticec" }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { documentationFormat: ["markdown", "plaintext"], snippetSupport: true } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: {},
        },
      },
    });
    conn.notify("initialized", {});
    conn.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
    await completionChecks(conn);
    await hoverChecks(conn);
    await diagnosticChecks(conn);
    await modelineCheck(conn);
  } finally {
    child.kill();
  }
  for (const c of checked) console.log(`ok: ${c}`);
  for (const f of failed) console.error(`FAILED: ${f}`);
  if (failed.length > 0) {
    console.error(`yaml-language-server check: ${failed.length} of ${checked.length + failed.length} checks failed`);
    process.exit(1);
  }
  console.log(`yaml-language-server check: all ${checked.length} checks passed`);
}

main().catch((e) => {
  console.error(`yaml-language-server check: ${e.message}`);
  process.exit(1);
});
