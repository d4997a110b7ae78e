class InsufficientFunds extends Error {
  constructor(needed) { super(`insufficient funds: need ${needed.toFixed(2)} more`); this.name = 'InsufficientFunds'; }
}
class Account {
  #balance = 0;
  static count = 0;
  constructor(owner) { this.owner = owner; Account.count++; }
  get balance() { return this.#balance; }
  deposit(x) { if (x <= 0) throw new RangeError('deposit must be positive'); this.#balance += x; return this; }
  withdraw(x) { if (x > this.#balance) throw new InsufficientFunds(x - this.#balance); this.#balance -= x; return this; }
  toString() { return `${this.owner}: $${this.#balance.toFixed(2)}`; }
}
const accounts = new Map();
for (const line of require('fs').readFileSync(0, 'utf8').trim().split('\n')) {
  const [cmd, name, amt] = line.split(' ');
  try {
    if (cmd === 'open') accounts.set(name, new Account(name));
    else if (cmd === 'dep') accounts.get(name).deposit(parseFloat(amt));
    else if (cmd === 'wd') accounts.get(name).withdraw(parseFloat(amt));
    else if (cmd === 'show') console.log(String(accounts.get(name)));
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
console.log('accounts opened:', Account.count);
