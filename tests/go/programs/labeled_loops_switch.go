package main

import "fmt"

func classify(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", v)
	case string:
		return "string of " + fmt.Sprint(len(v))
	case []int:
		return fmt.Sprintf("slice len %d", len(v))
	case error:
		return "error " + v.Error()
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	for _, x := range []any{nil, 3, int64(4), "hey", []int{1}, fmt.Errorf("e"), 2.5, struct{}{}} {
		fmt.Println(classify(x))
	}
	n := 5
	switch {
	case n > 3:
		fmt.Println("big")
		fallthrough
	case n > 1:
		fmt.Println("medium too")
	case n > 0:
		fmt.Println("not reached")
	}
	switch c := 'x'; c {
	case 'a', 'e', 'i', 'o', 'u':
		fmt.Println("vowel")
	default:
		fmt.Println("consonant", string(c))
	}
	i := 0
loop:
	if i < 3 {
		fmt.Print("goto", i, " ")
		i++
		goto loop
	}
	fmt.Println()
}
