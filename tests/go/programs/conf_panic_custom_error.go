package main

import (
	"errors"
	"fmt"
	"os"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("my error %d", e.Code) }

func risky(n int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	arr := []int{1, 2, 3}
	return arr[n], nil
}

func main() {
	fmt.Println(risky(1))
	fmt.Println(risky(5))
	var e error = &MyErr{7}
	var target *MyErr
	fmt.Println(errors.As(fmt.Errorf("ctx: %w", e), &target), target.Code)
	fmt.Fprintln(os.Stderr, "about to panic")
	defer fmt.Println("deferred print runs")
	panic(e)
}
