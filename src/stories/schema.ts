/**
 * The contract of the cross-article outputs (`unspin corpus stories|claims|findings --json`), in
 * TypeBox like the Analysis, so the types and the committed JSON Schemas come from one source.
 * Spans are [start, end) in UTF-16 code units of that article's `document.text`.
 */
import { Type, type Static } from '@sinclair/typebox';

const Offset = Type.Integer({ minimum: 0 });
const Span = Type.Object({ start: Offset, end: Offset });
const MaybeSpan = Type.Union([Span, Type.Null()]);

export const ArticleRefSchema = Type.Object(
  {
    id: Type.String({ description: 'the article id in the corpus' }),
    url: Type.Optional(Type.String()),
    path: Type.Optional(Type.String()),
    outlet: Type.Optional(Type.String()),
    publishedAt: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  { description: 'an article of the corpus' },
);

const AlignmentKind = Type.Union([Type.Literal('same'), Type.Literal('changed'), Type.Literal('added'), Type.Literal('dropped')]);
export const ChangeKindSchema = Type.Union([
  Type.Literal('attribution-dropped'),
  Type.Literal('attribution-added'),
  Type.Literal('source-kind-changed'),
  Type.Literal('hedge-removed'),
  Type.Literal('certainty-added'),
  Type.Literal('number-changed'),
  Type.Literal('spelling-switched'),
  Type.Literal('technique-added'),
  Type.Literal('origin-credited'),
  Type.Literal('origin-uncited'),
]);
export type ChangeKind = Static<typeof ChangeKindSchema>;

export const ChangeSchema = Type.Object({
  kind: ChangeKindSchema,
  origin: MaybeSpan,
  rewrite: MaybeSpan,
  message: Type.String(),
  evidence: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const StorySchema = Type.Object({
  id: Type.String(),
  origin: ArticleRefSchema,
  members: Type.Array(
    Type.Object({
      article: ArticleRefSchema,
      similarity: Type.Number({ minimum: 0, maximum: 1, description: 'share of the smaller text’s 4-word shingles found in the other' }),
      alignment: Type.Array(Type.Object({ kind: AlignmentKind, origin: MaybeSpan, rewrite: MaybeSpan })),
      changes: Type.Array(ChangeSchema),
    }),
  ),
});

export const ClaimSchema = Type.Object({
  id: Type.String(),
  text: Type.String({ description: 'the claim as its first appearance words it' }),
  first: ArticleRefSchema,
  appearances: Type.Array(
    Type.Object({
      article: ArticleRefSchema,
      start: Offset,
      end: Offset,
      attributed: Type.Boolean(),
      sourceKind: Type.Optional(Type.String()),
      cites: Type.Optional(ArticleRefSchema),
    }),
  ),
});

/** A message of the one shape (as an article's findings are), its spans naming their article. */
export const CorpusFindingSchema = Type.Object({
  rule: Type.String({ description: 'a cross-article rule (unspin rules, source stories)' }),
  source: Type.Literal('stories'),
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]),
  message: Type.String(),
  articles: Type.Array(ArticleRefSchema),
  spans: Type.Array(Type.Object({ article: Type.String(), start: Offset, end: Offset })),
  evidence: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  docs: Type.Optional(Type.String({ description: "the rule's one-line doc" })),
});

export const StoriesReportSchema = Type.Object({ stories: Type.Array(StorySchema) }, { $id: 'https://unspin.dev/schema/stories.schema.json', title: 'unspin stories' });
export const ClaimsReportSchema = Type.Object({ claims: Type.Array(ClaimSchema) }, { $id: 'https://unspin.dev/schema/claims.schema.json', title: 'unspin claims' });
export const CorpusFindingsReportSchema = Type.Object(
  { findings: Type.Array(CorpusFindingSchema) },
  { $id: 'https://unspin.dev/schema/corpus-findings.schema.json', title: 'unspin corpus findings' },
);

export type ArticleRef = Static<typeof ArticleRefSchema>;
export type Story = Static<typeof StorySchema>;
export type Claim = Static<typeof ClaimSchema>;
export type ClaimAppearance = Claim['appearances'][number];
export type CorpusFinding = Static<typeof CorpusFindingSchema>;
