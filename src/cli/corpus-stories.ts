/**
 * `unspin corpus stories|claims|findings [--json]` and `unspin corpus story ID --html FILE`: the
 * cross-article layer (src/stories) over the store `corpus` names.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import type { CorpusStore } from '../corpus/store.js';
import { viewCorpus } from '../stories/corpus.js';
import { renderStoryHtml } from '../stories/html.js';
import type { ArticleRef } from '../stories/types.js';
import type { CliIo } from './analyze.js';

const label = (r: ArticleRef) => `${r.id}${r.outlet ? ` ${r.outlet}` : ''}${r.publishedAt ? ` ${r.publishedAt}` : ''}`;
const json = (io: CliIo, value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function registerCorpusStories(corpus: Command, withLocation: <T>(cmd: Command, body: (store: CorpusStore) => Promise<T>) => Promise<T>, io: CliIo): void {
  corpus
    .command('stories')
    .description('stories: articles that copy one another, each rewrite aligned to its origin, with what it changed')
    .option('--json', 'the stories as JSON (schema/stories.schema.json)')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { stories, articles } = await withLocation(cmd, viewCorpus);
      if (flags.json) return void json(io, { stories });
      const lines = stories.map((s) => {
        const members = s.members.map((m) => {
          const changes = m.changes.filter((c) => c.kind !== 'origin-credited').map((c) => c.kind);
          return `    ${label(m.article)}  ${Math.round(m.similarity * 100)}% shared${changes.length ? `  changes: ${[...new Set(changes)].join(', ')}` : ''}`;
        });
        return [`${s.id}  origin ${label(s.origin)}`, ...members].join('\n');
      });
      io.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} among ${articles} articles\n`);
    });

  corpus
    .command('claims')
    .description('claims found in two or more articles, first appearance first, with the sourcing of each')
    .option('--json', 'the claims as JSON (schema/claims.schema.json)')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { claims } = await withLocation(cmd, viewCorpus);
      if (flags.json) return void json(io, { claims });
      for (const c of claims) {
        io.stdout.write(`${c.id}  “${c.text.replace(/\s+/g, ' ').slice(0, 120)}”\n`);
        for (const a of c.appearances) io.stdout.write(`    ${label(a.article)}  ${a.attributed ? `attributed${a.sourceKind ? ` (${a.sourceKind})` : ''}` : 'stated as fact'}${a.cites ? `, credits ${label(a.cites)}` : ''}\n`);
      }
      io.stdout.write(`${claims.length} claims in two or more articles\n`);
    });

  corpus
    .command('findings')
    .description('cross-article findings: attribution dropped, source laundered, number changed, hedge removed, spelling switched, origin uncited')
    .option('--json', 'the findings as JSON (schema/corpus-findings.schema.json)')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const { findings } = await withLocation(cmd, viewCorpus);
      if (flags.json) return void json(io, { findings });
      for (const f of findings) io.stdout.write(`${f.articles.map((a) => a.id).join(' -> ')}  ${f.severity}  ${f.message}  ${f.rule}\n`);
      io.stdout.write(`${findings.length} findings\n`);
    });

  corpus
    .command('story')
    .description('one story as an HTML page: origin and rewrites side by side, changes marked, claims followed')
    .argument('<id>', 'a story id (s-...) or the id of one of its articles')
    .requiredOption('--html <file>', 'the page to write')
    .action(async (id: string, flags: { html: string }, cmd: Command) => {
      await withLocation(cmd, async (store) => {
        const { stories, claims } = await viewCorpus(store);
        const bare = id.replace(/^s-/, '');
        const story = stories.find((s) => s.id === id || s.origin.id.startsWith(bare) || s.members.some((m) => m.article.id.startsWith(bare)));
        if (!story) throw new UserError(`no story has the id ${id}, and no article of a story has it (see unspin corpus stories)`);
        const ids = new Set([story.origin.id, ...story.members.map((m) => m.article.id)]);
        const texts = new Map<string, string>();
        for (const a of ids) texts.set(a, (await store.get(a))!.analysis.document.text);
        const related = claims.filter((c) => c.appearances.some((a) => ids.has(a.article.id)));
        for (const c of related) for (const a of c.appearances) if (!texts.has(a.article.id)) texts.set(a.article.id, (await store.get(a.article.id))!.analysis.document.text);
        await writeFile(flags.html, renderStoryHtml({ story, texts, claims: related }));
        io.stderr.write(`unspin: wrote ${flags.html}\n`);
      });
    });
}
