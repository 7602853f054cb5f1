import { describe, expect, it } from 'vitest';
import { isActionCue } from './cue-words.js';

describe('isActionCue', () => {
  it.each(['has repelled', 'unloaded', 'Approves', 'imposed', 'subsequently issued', 'have sent'])(
    '%s is an action, not a cue',
    (cue) => expect(isActionCue(cue)).toBe(true),
  );
  it.each(['said', 'has repeatedly denied', 'according to', ':', 'attacked', 'refuses', 'was reported', 'had been charged with'])('%s may be a cue', (cue) =>
    expect(isActionCue(cue)).toBe(false),
  );
});
