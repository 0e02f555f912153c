import { describe, expect, test } from 'vitest';
import { normalizeTimes, parseSessionDate, tenseOf } from './time';

// Monday 8 May 2023, 1:56 pm (LoCoMo's first session date).
const MONDAY = new Date(Date.UTC(2023, 4, 8, 13, 56));
// Saturday 23 December 2023.
const BEFORE_XMAS = new Date(Date.UTC(2023, 11, 23, 10, 0));
// Friday 5 January 2024.
const NEW_YEAR = new Date(Date.UTC(2024, 0, 5, 9, 0));

describe('normalizeTimes', () => {
  test.each([
    ['I went to a support group yesterday.', MONDAY, 'yesterday', '2023-05-07', '2023-05-07'],
    ['We talked the day before yesterday.', MONDAY, 'the day before yesterday', '2023-05-06', '2023-05-06'],
    ['I have an interview tomorrow.', MONDAY, 'tomorrow', '2023-05-09', '2023-05-09'],
    ['The exam is the day after tomorrow.', MONDAY, 'the day after tomorrow', '2023-05-10', '2023-05-10'],
    ['I feel great today.', MONDAY, 'today', '2023-05-08', '2023-05-08'],
    ['I could not sleep last night.', MONDAY, 'last night', '2023-05-07', '2023-05-07'],
    ['I saw him last Friday.', MONDAY, 'last Friday', '2023-05-05', '2023-05-05'],
    // "last Monday" said on a Monday is a week ago, not today.
    ['Last Monday was rough.', MONDAY, 'Last Monday', '2023-05-01', '2023-05-01'],
    ['Next Friday is my birthday.', MONDAY, 'Next Friday', '2023-05-12', '2023-05-12'],
    ['My sister Anna is visiting on Saturday.', MONDAY, 'on Saturday', '2023-05-13', '2023-05-13'],
    ['I went hiking on Saturday.', MONDAY, 'on Saturday', '2023-05-06', '2023-05-06'],
    ['We fly in two weeks.', MONDAY, 'in two weeks', '2023-05-22', '2023-05-22'],
    ['The move is in 3 days.', MONDAY, 'in 3 days', '2023-05-11', '2023-05-11'],
    ['I start the job in a month.', MONDAY, 'in a month', '2023-06-08', '2023-06-08'],
    ['It ends in a couple of weeks.', MONDAY, 'in a couple of weeks', '2023-05-22', '2023-05-22'],
    ['I ran a marathon 3 days ago.', MONDAY, '3 days ago', '2023-05-05', '2023-05-05'],
    ['We met two years ago.', MONDAY, 'two years ago', '2021-05-08', '2021-05-08'],
    ['I adopted her a few weeks ago.', MONDAY, 'a few weeks ago', '2023-04-17', '2023-04-17'],
    ['I painted it last year.', MONDAY, 'last year', '2022-01-01', '2022-12-31'],
    ['Things got busy last week.', MONDAY, 'last week', '2023-05-01', '2023-05-07'],
    ['See you next week!', MONDAY, 'next week', '2023-05-15', '2023-05-21'],
    ['We went camping last weekend.', MONDAY, 'last weekend', '2023-05-06', '2023-05-07'],
    ['What are you doing this weekend?', MONDAY, 'this weekend', '2023-05-13', '2023-05-14'],
    ['I moved last month.', MONDAY, 'last month', '2023-04-01', '2023-04-30'],
    ['My sister will come next month.', MONDAY, 'next month', '2023-06-01', '2023-06-30'],
    ['What will you do at Christmas?', MONDAY, 'at Christmas', '2023-12-25', '2023-12-25'],
    ['Last Christmas was hard.', MONDAY, 'Last Christmas', '2022-12-25', '2022-12-25'],
    // Two days before Christmas, "at Christmas" is the day after tomorrow.
    ['We will be at my parents at Christmas.', BEFORE_XMAS, 'at Christmas', '2023-12-25', '2023-12-25'],
    // In early January, a past-tense Christmas is the one just gone.
    ['We had a quiet time at Christmas.', NEW_YEAR, 'at Christmas', '2023-12-25', '2023-12-25'],
    ["We are going out on New Year's Eve.", BEFORE_XMAS, "on New Year's Eve", '2023-12-31', '2023-12-31'],
    ['I dressed up for Halloween.', MONDAY, 'for Halloween', '2022-10-31', '2022-10-31'],
    ['We will cook for Thanksgiving.', MONDAY, 'for Thanksgiving', '2023-11-23', '2023-11-23'],
    ['We painted eggs at Easter.', MONDAY, 'at Easter', '2023-04-09', '2023-04-09'],
    ['My birthday is on 5 June.', MONDAY, '5 June', '2023-06-05', '2023-06-05'],
    ['We married on June 5th, 2010.', MONDAY, 'June 5th, 2010', '2010-06-05', '2010-06-05'],
    ['The recital was on March 3rd.', MONDAY, 'March 3rd', '2023-03-03', '2023-03-03'],
    ['I graduated in 2019.', MONDAY, 'in 2019', '2019-01-01', '2019-12-31'],
    ['I will travel in July.', MONDAY, 'in July', '2023-07-01', '2023-07-31'],
    ['I travelled in July.', MONDAY, 'in July', '2022-07-01', '2022-07-31'],
    ['Last summer was great.', MONDAY, 'Last summer', '2022-06-01', '2022-08-31'],
    ['The deadline is 2023-06-30.', MONDAY, '2023-06-30', '2023-06-30', '2023-06-30'],
    ['I went there this morning.', MONDAY, 'this morning', '2023-05-08', '2023-05-08'],
    // Across a month boundary.
    ['I fell ill yesterday.', new Date(Date.UTC(2024, 2, 1, 8)), 'yesterday', '2024-02-29', '2024-02-29'],
    // Across a year boundary.
    ['We arrive in two weeks.', new Date(Date.UTC(2023, 11, 25, 8)), 'in two weeks', '2024-01-08', '2024-01-08'],
  ])('%s', (text, date, phrase, start, end) => {
    const mentions = normalizeTimes(text, date);
    expect(mentions.map((m) => [m.phrase, m.start, m.end])).toContainEqual([phrase, start, end]);
  });

  test.each([
    ['May I ask you something?'],
    ['I may go, who knows.'],
    ['I spent a day with friends.'],
    ['The weekday menu is boring.'],
  ])('finds no date in "%s"', (text) => {
    expect(normalizeTimes(text, MONDAY)).toEqual([]);
  });

  test('finds several mentions in order', () => {
    const mentions = normalizeTimes('Yesterday I booked it, and we leave in two weeks.', MONDAY);
    expect(mentions.map((m) => m.start)).toEqual(['2023-05-07', '2023-05-22']);
  });
});

describe('parseSessionDate', () => {
  test.each([
    ['1:56 pm on 8 May, 2023', '2023-05-08T13:56:00.000Z'],
    ['10:37 am on 27 June, 2023', '2023-06-27T10:37:00.000Z'],
    ['12:09 am on 13 September, 2023', '2023-09-13T00:09:00.000Z'],
    ['12:30 pm on 1 Jan, 2024', '2024-01-01T12:30:00.000Z'],
    ['2023-05-08T10:00:00Z', '2023-05-08T10:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(parseSessionDate(text)?.toISOString()).toBe(iso);
  });
  test('unreadable → null', () => expect(parseSessionDate('sometime')).toBeNull());
});

describe('tenseOf', () => {
  test.each([
    ['I will see her on Friday', 'future'],
    ["We're going to the lake", 'future'],
    ['I went to the lake', 'past'],
    ['Last Friday I will never forget', 'past'],
  ] as const)('%s → %s', (text, tense) => expect(tenseOf(text)).toBe(tense));
});
