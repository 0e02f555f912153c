/**
 * Simple spoken or typed arithmetic for the built-in brain: "what's 12 times 7", "how much is
 * twenty five plus 3.5", "100 divided by 8". Numbers as digits or English words up to the
 * thousands; + − × ÷ with the usual precedence. Anything else is not arithmetic (null).
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

type Op = '+' | '-' | '*' | '/';
/** One token each: "take away", "multiplied by" and "divided by" are rewritten to minus, times and over first. */
const OPERATORS: [RegExp, Op][] = [
  [/^(?:\+|plus)$/, '+'],
  [/^(?:-|−|minus|less)$/, '-'],
  [/^(?:\*|x|×|times)$/, '*'],
  [/^(?:\/|÷|over)$/, '/'],
];

/** Turns number words into digits: "twenty five" → "25", "one hundred and two" → "102". */
function wordsToDigits(text: string): string {
  const word = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand'].join('|')})`;
  return text.replace(new RegExp(`\\b${word}(?:(?:\\s+|-|(?<=hundred|thousand)\\s+and\\s+)${word})*\\b`, 'g'), (phrase) => {
    let total = 0;
    let current = 0;
    for (const w of phrase.split(/\s+|-/).filter((x) => x && x !== 'and')) {
      if (w in UNITS) current += UNITS[w];
      else if (w in TENS) current += TENS[w];
      else if (w === 'hundred') current = (current || 1) * 100;
      else if (w === 'thousand') {
        total += (current || 1) * 1000;
        current = 0;
      }
    }
    return String(total + current);
  });
}

/**
 * The expression in a question ("what’s 12 times 7?" → "12 times 7") and its value, or null when it
 * is not simple arithmetic; `bare` when nothing but a question frame surrounds the sum.
 */
export function solveArithmetic(question: string): { expression: string; value: number; bare: boolean } | null {
  const text = wordsToDigits(question.toLowerCase().replace(/,(?=\d{3})/g, ''))
    .replace(/multiplied by/g, ' times ')
    .replace(/divided by/g, ' over ')
    .replace(/take away/g, ' minus ')
    .replace(/(\d)\s*([+\-−*x×/÷])\s*(?=\d)/g, '$1 $2 ');
  const m = /(\d+(?:\.\d+)?(?:\s+(?:\+|-|−|\*|x|×|\/|÷|plus|minus|times|over|less)\s+\d+(?:\.\d+)?)+)/.exec(text);
  if (!m) return null;
  const tokens = m[1].split(/\s+/);
  const numbers: number[] = [Number(tokens[0])];
  const ops: Op[] = [];
  for (let i = 1; i < tokens.length; i += 2) {
    const op = OPERATORS.find(([pattern]) => pattern.test(tokens[i]))?.[1];
    if (!op) return null;
    ops.push(op);
    numbers.push(Number(tokens[i + 1]));
  }
  // × and ÷ first, then + and − left to right.
  const terms: number[] = [numbers[0]];
  const addOps: Op[] = [];
  for (let i = 0; i < ops.length; i++) {
    if (ops[i] === '*') terms[terms.length - 1] *= numbers[i + 1];
    else if (ops[i] === '/') {
      if (numbers[i + 1] === 0) return null;
      terms[terms.length - 1] /= numbers[i + 1];
    } else {
      addOps.push(ops[i]);
      terms.push(numbers[i + 1]);
    }
  }
  let value = terms[0];
  for (let i = 0; i < addOps.length; i++) value = addOps[i] === '+' ? value + terms[i + 1] : value - terms[i + 1];
  if (!Number.isFinite(value)) return null;
  // Words around the sum other than a question frame ("what's", "how much is", "please") mean it is not just a sum.
  const leftover = text.replace(m[1], ' ').replace(/\b(?:what'?s|what’s|what is|how much is|calculate|work out|please|can you|could you|tell me|what do you get|is|equals?|=)\b/g, ' ').replace(/[^a-z]+/g, ' ').trim();
  const symbol: Record<Op, string> = { '+': 'plus', '-': 'minus', '*': 'times', '/': 'divided by' };
  const expression = numbers.map((n, i) => (i === 0 ? String(n) : `${symbol[ops[i - 1]]} ${n}`)).join(' ');
  return { expression, value: Math.round(value * 1000) / 1000, bare: leftover === '' };
}

/** Whether a question asks for a sum ("what's 12 times 7", "how much is 3 plus 4", "12 x 7?"). */
export function isArithmeticQuestion(question: string): boolean {
  return solveArithmetic(question)?.bare === true;
}
