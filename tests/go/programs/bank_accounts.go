package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	Owner   string
	Balance int64
	History []string
}

type Bank struct{ accounts map[string]*Account }

func (b *Bank) get(name string) *Account {
	a, ok := b.accounts[name]
	if !ok {
		a = &Account{Owner: name}
		b.accounts[name] = a
	}
	return a
}

func (b *Bank) Transfer(from, to string, amt int64) error {
	f := b.get(from)
	if f.Balance < amt {
		return fmt.Errorf("transfer %d from %s: %w", amt, from, ErrInsufficient)
	}
	f.Balance -= amt
	b.get(to).Balance += amt
	f.History = append(f.History, fmt.Sprintf("-%d->%s", amt, to))
	return nil
}

func main() {
	bank := &Bank{accounts: map[string]*Account{}}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var op, a, b string
		var amt int64
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 3 && f[0] == "deposit":
			op, a = f[0], f[1]
			fmt.Sscan(f[2], &amt)
			bank.get(a).Balance += amt
		case len(f) == 4 && f[0] == "transfer":
			op, a, b = f[0], f[1], f[2]
			fmt.Sscan(f[3], &amt)
			if err := bank.Transfer(a, b, amt); err != nil {
				fmt.Println("error:", err, errors.Is(err, ErrInsufficient))
			}
		default:
			fmt.Println("bad command:", sc.Text())
		}
		_ = op
	}
	names := make([]string, 0, len(bank.accounts))
	for n := range bank.accounts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := bank.accounts[n]
		fmt.Printf("%-5s %6d %v\n", a.Owner, a.Balance, a.History)
	}
}
