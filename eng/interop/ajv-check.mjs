// Loads every published schema into Ajv (an independent JSON Schema 2020-12 implementation) and checks
// that Ajv agrees with our validator on the sample payloads: every valid sample passes, every invalid sample fails.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const schemasDir = join(root, "schemas");
const payloadsDir = join(root, "samples", "payloads");

const ajv = new Ajv2020({
  // strictSchema: unknown keywords and ignored keyword combinations are errors. The other strict modes are Ajv's own
  // style lints (a "properties" without "type": "object" inside if/then, "required" naming a property defined
  // elsewhere), not JSON Schema rules, so they are off.
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: true,
  validateFormats: true,
});
addFormats(ajv);

const schemas = readdirSync(schemasDir).filter((f) => f.endsWith(".schema.json")).sort();
for (const file of schemas) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, file), "utf8")));
}

let failures = 0;
let checked = 0;
const idFor = (folder) => {
  const match = /^([a-z0-9-]+)\.v([0-9]+)$/.exec(folder);
  return match ? `https://schemas.proserv.dev/integration/${match[1]}.v${match[2]}.schema.json` : null;
};

function check(folder, expectValid) {
  const id = idFor(folder.split("/").pop());
  if (!id) return;
  const validate = ajv.getSchema(id);
  if (!validate) {
    console.error(`ajv: no schema ${id}`);
    failures++;
    return;
  }
  const dir = join(payloadsDir, folder);
  for (const file of readdirSync(dir).sort()) {
    const path = join(dir, file);
    const instances = file.endsWith(".jsonl")
      ? readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l))
      : file.endsWith(".json") ? [JSON.parse(readFileSync(path, "utf8"))] : [];
    for (const instance of instances) {
      checked++;
      const valid = validate(instance);
      if (valid !== expectValid) {
        failures++;
        console.error(`ajv: ${folder}/${file}: expected ${expectValid ? "valid" : "invalid"}`, valid ? "" : JSON.stringify(validate.errors?.slice(0, 3)));
      }
    }
  }
}

for (const folder of readdirSync(payloadsDir).sort()) {
  if (folder !== "invalid") check(folder, true);
}
if (existsSync(join(payloadsDir, "invalid"))) {
  for (const folder of readdirSync(join(payloadsDir, "invalid")).sort()) check(`invalid/${folder}`, false);
}

console.log(`ajv interop: ${schemas.length} schemas compiled (strictSchema); ${checked} sample instances checked, ${failures} disagreement(s)`);
process.exit(failures === 0 ? 0 : 1);
