package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

type Status int

func (s *Status) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	switch str {
	case "active":
		*s = 1
	case "inactive":
		*s = 2
	default:
		return fmt.Errorf("unknown status %q", str)
	}
	return nil
}

type Reading struct {
	Sensor string    `json:"sensor"`
	Temp   Celsius   `json:"temp"`
	Status Status    `json:"status"`
	At     time.Time `json:"at"`
	Raw    json.RawMessage `json:"raw,omitempty"`
}

func main() {
	r := Reading{"s1", 21.456, 1, time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), json.RawMessage(`{"a":1}`)}
	b, err := json.Marshal(r)
	fmt.Println(string(b), err)
	var back Reading
	err = json.Unmarshal([]byte(`{"sensor":"s2","status":"inactive","at":"2020-01-02T03:04:05Z"}`), &back)
	fmt.Println(back.Sensor, back.Status, back.At, err)
	err = json.Unmarshal([]byte(`{"status":"weird"}`), &back)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"sensor": 5}`), &back)
	fmt.Println(err)
	var se *json.SyntaxError
	err = json.Unmarshal([]byte(`{"x":}`), &back)
	fmt.Println(errors.As(err, &se), err)
}
