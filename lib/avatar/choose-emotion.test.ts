import { describe, expect, it } from 'vitest';
import { chooseEmotion, type EmotionContext } from './choose-emotion';
import { EMOTIONS } from './types';

const friend = { warmth: 0.9, energy: 0.3, humour: 0.45 };
const coach = { warmth: 0.65, energy: 0.8, humour: 0.3 };
const listener = { warmth: 0.85, energy: 0.15, humour: 0.1 };
const plain = { warmth: 0.5, energy: 0.5, humour: 0.4 };

describe('chooseEmotion', () => {
  it.each<[string, Omit<EmotionContext, 'traits'> & { traits?: EmotionContext['traits'] }, string, string]>([
    ['thinking phase wins over everything', { phase: 'thinking', userText: 'I am so sad', replyText: 'haha' }, 'thinking', 'thinking'],
    ['sad face → concerned', { perceptionState: 'sad', replyText: 'That sounds hard.' }, 'concerned', 'user-distress'],
    ['anxious (fused) → concerned', { perceptionState: 'anxious', replyText: 'Let us breathe together.' }, 'concerned', 'user-distress'],
    ['sad words, calm face → concerned', { userText: 'I feel really lonely tonight', perceptionState: 'calm' }, 'concerned', 'user-distress'],
    ['never laughs at a distressed user', { userText: 'my dog died', replyText: 'haha no, I mean, I am sorry' }, 'concerned', 'user-distress'],
    ['tired face → warm', { perceptionState: 'tired', replyText: 'Shall we keep it short?' }, 'warm', 'user-strain'],
    ['good news → happy', { userText: 'I got the job!', replyText: 'That is wonderful.' }, 'happy', 'good-news'],
    ['good news beats the question', { userText: 'great news, I passed my exam', replyText: 'How do you feel?' }, 'happy', 'good-news'],
    ['smiling user, statement → happy', { perceptionState: 'happy', replyText: 'Nice to see you smile.' }, 'happy', 'good-news'],
    ['laughter words → amused', { replyText: 'Haha, that is a good one.' }, 'amused', 'laughter'],
    ['user laughs → amused', { userText: 'lol that was silly', replyText: 'It really was.' }, 'amused', 'laughter'],
    ['question → interested', { replyText: 'I see. What happened next?' }, 'interested', 'question'],
    ['question with a closing quote → interested', { replyText: 'Did she say "why not?"' }, 'interested', 'question'],
    ['question mid-reply only is not a question', { replyText: 'Why? Because it works.', traits: plain }, 'neutral', 'persona'],
    ['warm persona default → warm', { replyText: 'Okay.', traits: friend }, 'warm', 'persona'],
    ['energetic persona default → encouraging', { replyText: 'Okay.', traits: coach }, 'encouraging', 'persona'],
    ['calm low-energy default', { replyText: 'Okay.', traits: { warmth: 0.5, energy: 0.1, humour: 0.1 } }, 'calm', 'persona'],
    ['plain persona default → neutral', { replyText: 'Okay.', traits: plain }, 'neutral', 'persona'],
  ])('%s', (_name, ctx, emotion, reason) => {
    const choice = chooseEmotion({ traits: friend, ...ctx });
    expect(choice.emotion).toBe(emotion);
    expect(choice.reason).toBe(reason);
    expect(EMOTIONS).toContain(choice.emotion);
    expect(choice.intensity).toBeGreaterThan(0);
    expect(choice.intensity).toBeLessThanOrEqual(1);
  });

  it('empathy scales with warmth and laughter with humour', () => {
    const sad = { perceptionState: 'sad' };
    expect(chooseEmotion({ ...sad, traits: listener }).intensity).toBeGreaterThan(chooseEmotion({ ...sad, traits: { ...listener, warmth: 0.2 } }).intensity);
    const joke = { replyText: 'haha' };
    expect(chooseEmotion({ ...joke, traits: { ...plain, humour: 0.9 } }).intensity).toBeGreaterThan(chooseEmotion({ ...joke, traits: { ...plain, humour: 0.1 } }).intensity);
  });
});
