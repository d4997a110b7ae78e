// attack: info-environment
// category: information-disclosure
// tries: read the host environment through process.env (issue 13's stand-in: its env is empty, the run may end ok)
// source: CWE-526
// verdict: status in {ok, violation, error, compile_error} and canary not in output and output lacks "HOME="
console.log(process.env["{{CANARY_ENV}}"], JSON.stringify(process.env), Object.entries(process.env).map(([k, v]) => k + "=" + v).join(" "));
