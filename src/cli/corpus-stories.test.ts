/**
 * `unspin corpus stories|claims|findings|story` as a user runs them, on every store backend: an
 * origin, two rewrites of it and an unrelated report go in as JSONL; one story comes out.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../corpus/test-stores.js';
import { runCli } from '../testing/cli.js';
import { WIRE_STORY } from '../stories/testing.js';

const run = runCli;

const articles = [
  { text: WIRE_STORY, outlet: 'Northgate Wire', published: '2025-03-04' },
  { text: `${WIRE_STORY.replace('3 civilians', '30 civilians')}\n\nNorthgate Wire first reported the story.`, outlet: 'Eastern Courier', published: '2025-03-05' },
  { text: WIRE_STORY.replace('According to a source in the regional military administration, 3', 'Three'), outlet: 'Baltic Ledger', published: '2025-03-06' },
  {
    text: 'Wheat prices rose in Chicago on Monday after a poor harvest in Kansas, traders said. Exporters in Egypt said they would buy less this year.',
    outlet: 'Harbor Tribune',
    published: '2025-03-05',
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unspin-stories-cli-'));
  await writeFile(join(dir, 'in.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

for (const backend of testBackends()) {
  describe(`unspin corpus stories on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('finds the story, its changes, its claims and its findings, and writes its page', async () => {
      const { store, location } = await backend.open();
      await store.close();
      const added = await run(['corpus', '--store', location, 'add', '--jsonl', join(dir, 'in.jsonl'), '--jobs', '1']);
      expect(added.stderr).toContain('4 added');

      const stories = JSON.parse((await run(['corpus', '--store', location, 'stories', '--json'])).stdout);
      expect(stories.stories).toHaveLength(1);
      const [story] = stories.stories;
      expect(story.origin.outlet).toBe('Northgate Wire');
      expect(story.members.map((m: { article: { outlet: string } }) => m.article.outlet)).toEqual(['Eastern Courier', 'Baltic Ledger']);

      const findings = JSON.parse((await run(['corpus', '--store', location, 'findings', '--json'])).stdout).findings;
      expect(findings.map((f: { rule: string; articles: { outlet: string }[] }) => [f.rule, f.articles[1]!.outlet]).sort()).toEqual([
        ['attribution-dropped', 'Baltic Ledger'],
        ['number-changed', 'Eastern Courier'],
        ['origin-uncited', 'Baltic Ledger'],
      ]);

      const claims = JSON.parse((await run(['corpus', '--store', location, 'claims', '--json'])).stdout).claims;
      const casualties = claims.find((c: { text: string }) => c.text.includes('civilians were killed'));
      expect(casualties.appearances.map((a: { article: { outlet: string }; attributed: boolean }) => [a.article.outlet, a.attributed])).toEqual([
        ['Northgate Wire', true],
        ['Eastern Courier', true],
        ['Baltic Ledger', false],
      ]);

      const page = join(dir, `story-${backend.name}.html`);
      const wrote = await run(['corpus', '--store', location, 'story', story.id, '--html', page]);
      expect(wrote.code).toBe(0);
      const html = await readFile(page, 'utf8');
      expect(html).toContain('<table class="aligned">');
      expect(html).toContain('<mark class="number-changed"');

      const missing = await run(['corpus', '--store', location, 'story', 's-nothing', '--html', page]);
      expect([missing.code, missing.stderr.trim()]).toEqual([1, 'unspin: no story has the id s-nothing, and no article of a story has it (see unspin corpus stories)']);
    });
  });
}
