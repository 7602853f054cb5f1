import { describe, expect, it } from 'vitest';
import { buildContext } from '../fixture.js';
import { chronology } from './chronology.js';

const town = (names: string[]) => ({ type: 'place' as const, names, place: { geonamesId: 700001, name: 'Novoselivka', countryCode: 'UA', lat: 48.1, lon: 37.6 } });

describe('chronology', () => {
  it('fires when a place taken by one side is held by the other later, under either spelling', () => {
    const ctx = buildContext({
      publishedAt: '2025-06-20',
      text:
        'On June 2, the ministry announced the capture of Novoselivka by Russian forces. ' +
        'On June 15, Ukrainian soldiers were seen patrolling Novosilka.',
      entities: [town(['Novoselivka']), { ...town(['Novosilka']) }],
    });
    const [f, ...rest] = chronology.check(ctx);
    expect(rest).toEqual([]);
    expect(f!.message).toBe(
      'Novoselivka is reported taken by Russian forces on 2 June 2025 (“capture”), yet Ukrainian forces are reported there on 15 June 2025 (“patrolling”), and the text says nothing of the place changing hands again: one of the two accounts is wrong, or a place name is.',
    );
  });

  it('stays silent when the text reports the place retaken in between, or the same side holding it', () => {
    const retaken = buildContext({
      publishedAt: '2025-06-20',
      text:
        'On June 2, Russian forces captured Novoselivka. On June 9, Ukrainian troops recaptured Novoselivka. ' +
        'On June 15, Ukrainian soldiers were patrolling Novoselivka.',
      entities: [town(['Novoselivka'])],
    });
    expect(chronology.check(retaken)).toEqual([]);
    const same = buildContext({
      publishedAt: '2025-06-20',
      text: 'On June 2, Russian forces captured Novoselivka. On June 15, Russian troops were patrolling Novoselivka.',
      entities: [town(['Novoselivka'])],
    });
    expect(chronology.check(same)).toEqual([]);
  });

  it('stays silent when the presence comes first (the place then fell)', () => {
    const ctx = buildContext({
      publishedAt: '2025-06-20',
      text: 'On June 2, Ukrainian troops were stationed in Novoselivka. On June 15, Russian forces captured Novoselivka.',
      entities: [town(['Novoselivka'])],
    });
    expect(chronology.check(ctx)).toEqual([]);
  });

  it('fires for an event dated after publication, but not for one announced for the future', () => {
    const past = buildContext({ publishedAt: '2025-06-20', text: 'Shelling hit the port on 2025-06-28, officials said.' });
    const [f] = chronology.check(past);
    expect(f!.message).toContain('after the article\'s publication on 20 June 2025');
    const future = buildContext({ publishedAt: '2025-06-20', text: 'The brigade will be deployed on 2025-06-28.' });
    expect(chronology.check(future)).toEqual([]);
    // the future of reported speech
    const reported = buildContext({ publishedAt: '2025-06-20', text: 'The mayor said the brigade would be deployed on 2025-06-28.' });
    expect(chronology.check(reported)).toEqual([]);
    const may = buildContext({ publishedAt: '2025-04-20', text: 'Drones struck the port on 2025-05-02, early in May.' });
    expect(chronology.check(may)).toHaveLength(1);
  });
});
