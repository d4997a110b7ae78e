const ones = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales = ['', 'thousand', 'million', 'billion'];
function below1000(n) {
  const parts = [];
  if (n >= 100) { parts.push(`${ones[Math.floor(n / 100)]} hundred`); n %= 100; }
  if (n >= 20) { parts.push(tens[Math.floor(n / 10)] + (n % 10 ? `-${ones[n % 10]}` : '')); } else if (n) parts.push(ones[n]);
  return parts.join(' ');
}
function toWords(n) {
  if (n === 0) return 'zero';
  const chunks = [];
  for (let i = 0; n > 0; i++, n = Math.floor(n / 1000)) if (n % 1000) chunks.unshift(`${below1000(n % 1000)}${scales[i] ? ' ' + scales[i] : ''}`);
  return chunks.join(' ');
}
require('fs').readFileSync(0, 'utf8').trim().split('\n').forEach((l) => console.log(`${l}: ${toWords(Number(l))}`));
