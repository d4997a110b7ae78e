// attack: fs-import-division-confusion
// category: filesystem
// tries: hide import('fs') from the host's static module scan behind a postfix operator: `a++ / import('fs') / 1`
// tries: is a division to V8 but a regular-expression literal to a scanner that decides on the previous punctuator
// source: the regex-vs-division ambiguity of the lexical grammar (ECMA-262 InputElementDiv / InputElementRegExp);
// source: Disney et al., "Sweeten your JavaScript" (DLS 2014); JS-jail CTF challenges that filter keywords textually
// verdict: status in {violation, ok, error} and output lacks "REACHED" and canary not in output
let a = 1, b = 1;
a++ / import('fs').then(m => console.log("REA" + "CHED", m.readFileSync("{{CANARY_FILE}}", "utf8")), e => console.log("refused")) / 1;
b-- / require('child_process').execSync('id') / 1;
