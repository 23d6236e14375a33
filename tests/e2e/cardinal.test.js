// Cardinal's conformance cases through Apertura's real command line, as a
// Cardinal user would run them: each case's JSON Lines of compiled releases
// (no id, no date) go through `apertura import ocds`, then `apertura flags`
// with the settings file the case's name encodes (its sections enable the
// indicator), and the flags the API lists must be Cardinal's expected output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary, startServer } from './support.js';

// The shared data beside the repository, or where APERTURA_SHARED_DATA says (as the C++ tests).
const sharedData = process.env.APERTURA_SHARED_DATA || new URL('../../../shared/data/', import.meta.url).pathname;
const fixtures = join(sharedData, 'cardinal-fixtures', 'indicators');

// "R003-procurement_methods-open+selective" -> the INI an analyst would write.
function iniFor(name) {
  const parts = name.split('-');
  const code = parts[0];
  let ini = 'no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n';
  if (parts.length < 3) {
    ini += `[${code}]\n`;  // an empty section enables the indicator, as in Cardinal
  } else if (parts.length === 3) {
    ini += `[${code}]\n${parts[1]} = ${parts[2].replaceAll('+', '|')}\n`;
  } else {
    ini += `[${code}.${parts[1]}]\n`;
    for (let i = 2; i + 1 < parts.length; i += 2) ini += `${parts[i]} = ${parts[i + 1]}\n`;
  }
  return ini;
}

const cardinalScope = { process: 'OCID', buyer: 'Buyer', procuring_entity: 'ProcuringEntity', tenderer: 'Tenderer' };

// Every flag the API lists, in Cardinal's output shape: {"OCID": {ocid: {code: value}}, ...}.
async function flagsAsCardinal(url) {
  const out = {};
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${url}/api/v1/flags?per_page=100&page=${page}`);
    assert.equal(response.status, 200);
    const body = await response.json();
    for (const flag of body.data) {
      const scope = cardinalScope[flag.scope];
      out[scope] ??= {};
      out[scope][flag.subject] ??= {};
      out[scope][flag.subject][flag.code] = flag.value;
    }
    if (page * 100 >= body.meta.total) return out;
  }
}

test('Cardinal\'s cases give Cardinal\'s results through import, flags and the API', async () => {
  const cases = readdirSync(fixtures).filter((name) => name.endsWith('.jsonl')).sort();
  assert.equal(cases.length, 15);
  for (const file of cases) {
    const name = file.replace(/\.jsonl$/, '');
    const dir = mkdtempSync(join(tmpdir(), 'apertura-cardinal-'));
    const db = `sqlite:${join(dir, 'cardinal.db')}`;
    const settings = join(dir, 'settings.ini');
    writeFileSync(settings, iniFor(name));
    const options = ['--flags-settings', settings];
    // Auto-detected as compiled releases: they have neither id nor date.
    const imported = execFileSync(binary, ['--db', db, '--log-level', 'warn', ...options, 'import', 'ocds',
      join(fixtures, file)],
      { encoding: 'utf8' });
    assert.match(imported, /entregas compiladas/, `${name}: ${imported}`);
    execFileSync(binary, ['--db', db, '--log-level', 'warn', ...options, 'flags'], { encoding: 'utf8' });
    const server = await startServer({ dir, db, options });
    try {
      const expectedText = readFileSync(join(fixtures, `${name}.expected`), 'utf8');
      const expected = expectedText.trim() === '' ? {} : JSON.parse(expectedText);
      assert.deepEqual(await flagsAsCardinal(server.url), expected, name);
    } finally {
      await server.stop();
    }
  }
});
