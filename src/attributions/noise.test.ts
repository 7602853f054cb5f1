import { describe, expect, it } from 'vitest';
import type { RoleSpan } from '../core/roles.js';
import { segment } from '../text/segment.js';
import type { Group } from './group.js';
import { isNoise } from './noise.js';

const at = (text: string, role: RoleSpan['role'], piece: string): RoleSpan => {
  const start = text.indexOf(piece);
  if (start < 0) throw new Error(piece);
  return { role, start, end: start + piece.length };
};
function noisy(text: string, cue: string, content: string, source?: string, mode: Group['mode'] = 'indirect'): boolean {
  const group: Group = { cue: at(text, 'cue', cue), contents: [at(text, 'content', content)], mode, sentence: 0, ...(source ? { source: at(text, 'source', source) } : {}) };
  return isNoise(text, segment(text, 'en').tokens, group);
}

describe('isNoise', () => {
  it('drops a sourceless noun cue, an infinitive of purpose and "so-called"', () => {
    expect(noisy('The town waits, with the hope that the bridge reopens soon.', 'the hope', 'the bridge reopens soon')).toBe(true);
    expect(noisy('It is a word used to describe the flooded valley.', 'describe', 'the flooded valley')).toBe(true);
    expect(noisy('They crossed the so-called ‘green line’ at dawn.', 'called', '‘green line’')).toBe(true);
  });

  it('keeps a sourceless claiming verb, a passive and an attribution with its source', () => {
    expect(noisy('The mayor spoke and warned that the dam could fail.', 'warned', 'the dam could fail')).toBe(false);
    expect(noisy('The plan was later deemed too costly.', 'deemed', 'too costly', undefined, 'passive')).toBe(false);
    expect(noisy('Ana Berg said the dam could fail.', 'said', 'the dam could fail', 'Ana Berg')).toBe(false);
    expect(noisy('Ana Berg’s claim that the dam could fail spread fast.', 'claim', 'the dam could fail', 'Ana Berg’s')).toBe(false);
  });

  it('drops a one-word cue between a determiner and a noun: an adjective, not a claim', () => {
    const text = 'Officials in Krasnogorsk and the reported presence of troops have raised fears.';
    expect(noisy(text, 'reported', 'presence of troops', 'Officials in Krasnogorsk and the')).toBe(true);
    expect(noisy('Ana Berg reported the presence of troops.', 'reported', 'the presence of troops', 'Ana Berg')).toBe(false);
  });

  it('drops a continuation with no verb, keeps one that claims something', () => {
    const continuation = (text: string, content: string): Group => ({ contents: [at(text, 'content', content)], mode: 'continuation', sentence: 1 });
    const text = 'Ana Berg said the dam could fail. They are a once-loyal voting bloc. The river is rising fast.';
    const { tokens } = segment(text, 'en');
    expect(isNoise(text, tokens, continuation(text, 'a once-loyal voting bloc'))).toBe(true);
    expect(isNoise(text, tokens, continuation(text, 'The river is rising fast'))).toBe(false);
  });
});
