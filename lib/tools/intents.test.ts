import { describe, expect, test } from 'vitest';
import { matchToolIntent } from './intents';

describe('intent rules of the built-in brain', () => {
  test.each([
    ['remind me to call Anna at 5pm', { name: 'set_reminder', arguments: { text: 'call Anna', when: 'at 5pm' } }],
    ['Remind me to call Anna at 5 pm.', { name: 'set_reminder', arguments: { text: 'call Anna', when: 'at 5 pm' } }],
    ['Can you remind me to take my pills in 20 minutes?', { name: 'set_reminder', arguments: { text: 'take my pills', when: 'in 20 minutes' } }],
    ['remind me about the dentist tomorrow at 9', { name: 'set_reminder', arguments: { text: 'the dentist', when: 'tomorrow at 9' } }],
    ['tomorrow at 8 remind me to water the plants', { name: 'set_reminder', arguments: { text: 'water the plants', when: 'tomorrow at 8' } }],
    ['What time is it?', { name: 'get_datetime', arguments: {} }],
    ["what's the date", { name: 'get_datetime', arguments: {} }],
    ['What day is it today?', { name: 'get_datetime', arguments: {} }],
    ['remember that I take my tablets at 8', { name: 'remember', arguments: { fact: 'I take my tablets at 8' } }],
    ['forget about my sister’s visit', { name: 'forget', arguments: { about: 'my sister’s visit' } }],
    ['end the call', { name: 'end_call', arguments: {} }],
    ['Please end the call.', { name: 'end_call', arguments: {} }],
    ['open bbc.co.uk', { name: 'open_link', arguments: { url: 'bbc.co.uk' } }],
    ['Could you open https://example.org/news?', { name: 'open_link', arguments: { url: 'https://example.org/news' } }],
    ['what did I tell you about Anna?', { name: 'recall_conversation', arguments: { query: 'anna' } }],
    ['search your documents for visiting hours', { name: 'search_knowledge', arguments: { query: 'visiting hours' } }],
  ])('%s', (text, call) => {
    expect(matchToolIntent(text)).toEqual(call);
  });

  test('"forget that" forgets the previous thing the user said', () => {
    const history = [{ role: 'user' as const, content: 'My neighbour Bob owes me money.' }, { role: 'assistant' as const, content: 'Oh dear.' }];
    expect(matchToolIntent('Forget that.', history)).toEqual({ name: 'forget', arguments: { about: 'My neighbour Bob owes me money.' } });
    expect(matchToolIntent('forget that', [])).toBeNull();
  });

  test.each([
    'I forgot my keys this morning',
    'Do you remember when we went to Rome?',
    'The time I went to Paris was lovely',
    'I need to open up more to people',
    'My sister reminds me of our mum',
    'I had a call with Anna at 5pm',
    'hello Walter',
  ])('ordinary talk is not a tool call: %s', (text) => {
    expect(matchToolIntent(text)).toBeNull();
  });
});
