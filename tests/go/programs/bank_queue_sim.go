package main

import (
	"fmt"
	"math/rand"
)

func main() {
	rng := rand.New(rand.NewSource(7))
	type customer struct{ arrive, service int }
	var queue []customer
	clock, served, totalWait, maxQ := 0, 0, 0, 0
	busyUntil := 0
	for clock = 0; clock < 200; clock++ {
		if rng.Intn(10) < 3 {
			queue = append(queue, customer{clock, 1 + rng.Intn(5)})
		}
		if clock >= busyUntil && len(queue) > 0 {
			c := queue[0]
			queue = queue[1:]
			totalWait += clock - c.arrive
			busyUntil = clock + c.service
			served++
		}
		maxQ = max(maxQ, len(queue))
	}
	fmt.Printf("served=%d left=%d avgwait=%.2f maxqueue=%d\n", served, len(queue), float64(totalWait)/float64(served), maxQ)
	fmt.Println(rng.Perm(8), rng.Float64(), rng.Int63())
}
