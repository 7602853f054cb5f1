import { testFindingRule } from '../../testing/rule-tester.js';
import { chronology } from './chronology.js';

const town = (names: string[]) => ({ type: 'place' as const, names, place: { geonamesId: 700001, name: 'Novoselivka', countryCode: 'UA', lat: 48.1, lon: 37.6 } });

testFindingRule(chronology, {
  invalid: [
    {
      // a place taken by one side is held by the other later, under either spelling
      input: {
        publishedAt: '2025-06-20',
        text: 'On June 2, the ministry announced the capture of Novoselivka by Russian forces. On June 15, Ukrainian soldiers were seen patrolling Novosilka.',
        entities: [town(['Novoselivka']), town(['Novosilka'])],
      },
      messages: [
        'Novoselivka is reported taken by Russian forces on 2 June 2025 (“capture”), yet Ukrainian forces are reported there on 15 June 2025 (“patrolling”), and the text says nothing of the place changing hands again: one of the two accounts is wrong, or a place name is.',
      ],
    },
    // an event dated after publication
    { input: { publishedAt: '2025-06-20', text: 'Shelling hit the port on 2025-06-28, officials said.' }, messages: [/after the article's publication on 20 June 2025/] },
    { input: { publishedAt: '2025-04-20', text: 'Drones struck the port on 2025-05-02, early in May.' }, messages: [/after the article's publication/] },
  ],
  valid: [
    // the text reports the place retaken in between
    {
      publishedAt: '2025-06-20',
      text: 'On June 2, Russian forces captured Novoselivka. On June 9, Ukrainian troops recaptured Novoselivka. On June 15, Ukrainian soldiers were patrolling Novoselivka.',
      entities: [town(['Novoselivka'])],
    },
    // the same side holding it
    {
      publishedAt: '2025-06-20',
      text: 'On June 2, Russian forces captured Novoselivka. On June 15, Russian troops were patrolling Novoselivka.',
      entities: [town(['Novoselivka'])],
    },
    // the presence comes first (the place then fell)
    {
      publishedAt: '2025-06-20',
      text: 'On June 2, Ukrainian troops were stationed in Novoselivka. On June 15, Russian forces captured Novoselivka.',
      entities: [town(['Novoselivka'])],
    },
    // announced for the future, and the future of reported speech
    { publishedAt: '2025-06-20', text: 'The brigade will be deployed on 2025-06-28.' },
    { publishedAt: '2025-06-20', text: 'The mayor said the brigade would be deployed on 2025-06-28.' },
  ],
});
