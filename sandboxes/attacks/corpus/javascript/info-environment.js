// attack: info-environment
// category: information-disclosure
// tries: read the host environment through process.env
// source: CWE-526
// verdict: status in {violation, error, compile_error} and canary not in output
console.log(process.env["{{CANARY_ENV}}"], JSON.stringify(process.env));
