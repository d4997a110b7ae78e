package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

type Book struct {
	XMLName xml.Name `xml:"book"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title"`
	Authors []string `xml:"authors>author"`
	Price   float64  `xml:"price,omitempty"`
	Note    string   `xml:",comment"`
}

type Library struct {
	XMLName xml.Name `xml:"library"`
	Books   []Book   `xml:"book"`
}

func main() {
	data, _ := io.ReadAll(os.Stdin)
	var lib Library
	if err := xml.Unmarshal(data, &lib); err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, b := range lib.Books {
		fmt.Printf("%s: %q by %s (%.2f)\n", b.ID, b.Title, strings.Join(b.Authors, " & "), b.Price)
	}
	lib.Books = append(lib.Books, Book{ID: "b9", Title: "New & <Improved>", Authors: []string{"Zed"}, Note: " added "})
	out, err := xml.MarshalIndent(lib, "", "  ")
	fmt.Println(xml.Header + string(out), err)
	d := xml.NewDecoder(strings.NewReader(`<a x="1"><b>text</b><!-- c --><c/></a>`))
	for {
		tok, err := d.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fmt.Println("start", t.Name.Local, len(t.Attr))
		case xml.EndElement:
			fmt.Println("end", t.Name.Local)
		case xml.CharData:
			fmt.Printf("chars %q\n", string(t))
		case xml.Comment:
			fmt.Printf("comment %q\n", string(t))
		}
	}
	var bad Library
	fmt.Println(xml.Unmarshal([]byte("<library><book>"), &bad))
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(`a<b>&"c"`))
	fmt.Println(sb.String())
}
