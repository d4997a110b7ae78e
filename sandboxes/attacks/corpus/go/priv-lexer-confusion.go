// attack: priv-lexer-confusion
// category: privilege-escalation
// tries: make the import scanner and the Go compiler disagree about what is code, to import "unsafe" unseen: an import
// tries: after a block comment holding `"` and a backquote, a U+2028 inside a // comment, a full-width import alias,
// tries: octal escapes in the path and explicit semicolons in the import group
// source: Trojan Source, "Invisible Vulnerabilities" (Boucher & Anderson, CVE-2021-42574, https://trojansource.codes/)
// source: and the classic tokenizer-differential class of filter bypasses (CWE-184)
// verdict: status in {violation, compile_error} and output lacks "REACHED"
package main

// note 
/* " ` */ import "strings" /* ` " */
import ("fmt"; ｕ "\165\156safe";)

func main() {
	x := 1
	p := (*[8]byte)(ｕ.Pointer(&x))
	p[0] = 2
	fmt.Println(strings.Repeat("REA"+"CHED", 1), x)
}
