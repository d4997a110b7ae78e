package main

import (
	"encoding/xml"
	"fmt"
	"os"
)

type Item struct {
	Title string `xml:"title"`
	Link  string `xml:"link"`
	Date  string `xml:"pubDate"`
}

type RSS struct {
	Channel struct {
		Title string `xml:"title"`
		Items []Item `xml:"item"`
	} `xml:"channel"`
}

func main() {
	var feed RSS
	if err := xml.NewDecoder(os.Stdin).Decode(&feed); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(feed.Channel.Title, len(feed.Channel.Items))
	for i, it := range feed.Channel.Items {
		fmt.Printf("%d. %s <%s> %s\n", i+1, it.Title, it.Link, it.Date)
	}
}
