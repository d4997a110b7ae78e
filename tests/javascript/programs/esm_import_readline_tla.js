import * as readline from 'readline';
import process from 'process';
const rl = readline.createInterface({ input: process.stdin });
const lines = [];
for await (const line of rl) lines.push(line);
const grid = lines.map((l) => l.split(''));
const transposed = grid[0].map((_, c) => grid.map((r) => r[c]).join(''));
console.log(transposed.join('\n'));
