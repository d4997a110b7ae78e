package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

type Order struct {
	ID       int               `json:"id"`
	Customer string            `json:"customer"`
	Items    []Item            `json:"items"`
	Tags     []string          `json:"tags,omitempty"`
	Meta     map[string]any    `json:"meta,omitempty"`
	Paid     bool              `json:"paid"`
	secret   string
}

type Item struct {
	SKU   string  `json:"sku"`
	Qty   int     `json:"qty"`
	Price float64 `json:"price"`
}

func main() {
	data, _ := io.ReadAll(os.Stdin)
	var orders []Order
	if err := json.Unmarshal(data, &orders); err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, o := range orders {
		total := 0.0
		for _, it := range o.Items {
			total += float64(it.Qty) * it.Price
		}
		fmt.Printf("order %d %s: %d items, total %.2f, paid %v, meta %v\n", o.ID, o.Customer, len(o.Items), total, o.Paid, o.Meta)
	}
	out, _ := json.Marshal(orders[0])
	fmt.Println(string(out))
	pretty, _ := json.MarshalIndent(map[string]any{"b": []int{1, 2}, "a": nil, "c": "<&>"}, "", "  ")
	fmt.Println(string(pretty))
	var anyv any
	json.Unmarshal([]byte(`{"x": [1, 2.5, "s", true, null, {"y": {}}]}`), &anyv)
	fmt.Printf("%v %T\n", anyv, anyv.(map[string]any)["x"].([]any)[0])
	dec := json.NewDecoder(strings.NewReader(`{"id": 1} {"id": "bad"}`))
	for {
		var o Order
		if err := dec.Decode(&o); err != nil {
			fmt.Println("decode:", err)
			break
		}
		fmt.Println("decoded", o.ID)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	enc.Encode(Item{"z", 1, 0.1})
}
