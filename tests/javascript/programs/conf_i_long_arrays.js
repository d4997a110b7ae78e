console.log(Array.from({length: 101}, (_, i) => i));
console.log(Array.from({length: 7}, (_, i) => 'item number ' + i));
console.log(Array.from({length: 27}, (_, i) => i % 2 ? 'x' : i * 1000));
console.log(Array.from({length: 16}, (_, i) => ({id: i})));
console.log(Array.from({length: 12}, (_, i) => [i, i * 2]));
console.log(new Array(3).fill().map((_, i) => new Array(3).fill(i)));
console.log([1, 2, 3].map(String), Array(200).fill('ab').join('').length, Array.from('hello world and more text here'));
console.log(Object.fromEntries(Array.from({length: 30}, (_, i) => ['k' + i, i])));
