class TrieNode { constructor() { this.children = {}; this.count = 0; this.end = false; } }
class Trie {
  constructor() { this.root = new TrieNode(); }
  insert(w) { let n = this.root; for (const c of w) { n = n.children[c] ??= new TrieNode(); n.count++; } n.end = true; }
  countPrefix(p) { let n = this.root; for (const c of p) { n = n.children[c]; if (!n) return 0; } return n.count; }
  *words(n = this.root, prefix = '') { if (n.end) yield prefix; for (const c of Object.keys(n.children).sort()) yield* this.words(n.children[c], prefix + c); }
}
const [wordsLine, queriesLine] = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const t = new Trie();
wordsLine.split(' ').forEach((w) => t.insert(w));
console.log(queriesLine.split(' ').map((q) => `${q}=${t.countPrefix(q)}`).join(' '));
console.log([...t.words()].join(','));
