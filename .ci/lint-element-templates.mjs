// Validates the element templates Camunda Modeler offers to process owners (.camunda/element-templates/*.json)
// against Camunda's element template JSON schema. That they match the application's beans and the models is
// checked by ElementTemplatesTest in the Maven suite.
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const dir = process.argv[2] || '.camunda/element-templates';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let failed = 0;
for (const file of files) {
  const templates = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (validate(templates)) {
    console.log(`${file}: ${Array.isArray(templates) ? templates.length : 1} template(s) valid`);
  } else {
    failed++;
    console.error(`${file}: not a valid element template file`);
    for (const e of validate.errors) {
      console.error(`  ${e.instancePath || '/'} ${e.message}`);
    }
  }
}
if (files.length === 0) {
  console.error(`no element templates in ${dir}`);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
