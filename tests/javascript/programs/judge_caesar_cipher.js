const [shiftLine, ...text] = require('fs').readFileSync(0, 'utf8').split('\n');
const k = ((Number(shiftLine) % 26) + 26) % 26;
const shift = (ch) => {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return String.fromCharCode(((c - 65 + k) % 26) + 65);
  if (c >= 97 && c <= 122) return String.fromCharCode(((c - 97 + k) % 26) + 97);
  return ch;
};
console.log(text.join('\n').replace(/[A-Za-z]/g, shift).trimEnd());
