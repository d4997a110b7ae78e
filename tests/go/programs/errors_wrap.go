package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
	Value int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %d", e.Field, e.Value)
}

func lookup(id int) (string, error) {
	users := map[int]string{1: "ann", 2: "bob"}
	if id < 0 {
		return "", &ValidationError{"id", id}
	}
	if u, ok := users[id]; ok {
		return u, nil
	}
	return "", fmt.Errorf("lookup user %d: %w", id, ErrNotFound)
}

func main() {
	for _, id := range []int{1, 7, -3} {
		u, err := lookup(id)
		var ve *ValidationError
		switch {
		case err == nil:
			fmt.Println("user", u)
		case errors.Is(err, ErrNotFound):
			fmt.Println("missing:", err, "| unwrapped:", errors.Unwrap(err))
		case errors.As(err, &ve):
			fmt.Println("validation:", ve.Field, ve.Value, err)
		}
	}
	_, err := strconv.Atoi("12a")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err)
	joined := errors.Join(ErrNotFound, errors.New("second"))
	fmt.Println(joined, errors.Is(joined, ErrNotFound))
	wrapped := fmt.Errorf("a: %w, b: %w", ErrNotFound, &ValidationError{"x", 1})
	fmt.Println(wrapped, errors.Is(wrapped, ErrNotFound))
}
