const text = require('fs').readFileSync(0, 'utf8').trim();
console.log(text.length, [...text].length, text.split(' ').length);
console.log([...text].reverse().join(''));
console.log(text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
console.log(text.codePointAt(0).toString(16), String.fromCodePoint(0x1f600), '\u{1F600}'.length, 'ß'.toUpperCase(), 'İ'.toLowerCase().length);
console.log(encodeURIComponent(text), decodeURIComponent('%E2%9C%93'), escape('ä'), encodeURI('a b/c?d=é'));
console.log('abc'.localeCompare('abd'), 'a'.charCodeAt(0), 'Ω'.charCodeAt(0), 'é' === 'e\u0301'.normalize());
console.log(text.toUpperCase(), text.slice(-5), text.substring(3, 1), text.startsWith('Ça'), text.search(/é/));
