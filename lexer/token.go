package lexer

import "strconv"

// Token is the kind of a lexical token.
type Token uint8

// Token kinds. The keyword and symbol kinds spell themselves; Other is a
// byte that starts no token of Lua (such as '@' or '$'), which the parser
// reports as an unexpected symbol.
const (
	EOF    Token = iota // end of the source
	Name                // identifier; Item.Str holds it
	String              // string literal; Item.Str holds its value
	Int                 // integer numeral; Item.Int holds its value
	Float               // float numeral; Item.Num holds its value
	Other               // any other byte; Item.Int holds it

	// Reserved words.
	And
	Break
	Do
	Else
	Elseif
	End
	False
	For
	Function
	Goto
	If
	In
	Local
	Nil
	Not
	Or
	Repeat
	Return
	Then
	True
	Until
	While

	// Symbols.
	Plus     // +
	Minus    // -
	Star     // *
	Slash    // /
	DSlash   // //
	Percent  // %
	Caret    // ^
	Hash     // #
	Amp      // &
	Tilde    // ~
	Pipe     // |
	Shl      // <<
	Shr      // >>
	Eq       // ==
	Ne       // ~=
	Le       // <=
	Ge       // >=
	Lt       // <
	Gt       // >
	Assign   // =
	LParen   // (
	RParen   // )
	LBrace   // {
	RBrace   // }
	LBracket // [
	RBracket // ]
	DColon   // ::
	Semi     // ;
	Colon    // :
	Comma    // ,
	Dot      // .
	Concat   // ..
	Dots     // ...

	numTokens
)

var tokenText = [numTokens]string{
	EOF: "<eof>", Name: "<name>", String: "<string>", Int: "<integer>", Float: "<number>", Other: "<symbol>",
	And: "and", Break: "break", Do: "do", Else: "else", Elseif: "elseif", End: "end",
	False: "false", For: "for", Function: "function", Goto: "goto", If: "if", In: "in",
	Local: "local", Nil: "nil", Not: "not", Or: "or", Repeat: "repeat", Return: "return",
	Then: "then", True: "true", Until: "until", While: "while",
	Plus: "+", Minus: "-", Star: "*", Slash: "/", DSlash: "//", Percent: "%", Caret: "^",
	Hash: "#", Amp: "&", Tilde: "~", Pipe: "|", Shl: "<<", Shr: ">>", Eq: "==", Ne: "~=",
	Le: "<=", Ge: ">=", Lt: "<", Gt: ">", Assign: "=", LParen: "(", RParen: ")",
	LBrace: "{", RBrace: "}", LBracket: "[", RBracket: "]", DColon: "::", Semi: ";",
	Colon: ":", Comma: ",", Dot: ".", Concat: "..", Dots: "...",
}

// String returns the token's spelling: the keyword or symbol itself, or
// "<eof>", "<name>", "<string>", "<integer>", "<number>" for the others, as
// Lua names them in messages such as "<name> expected".
func (t Token) String() string {
	if t < numTokens {
		return tokenText[t]
	}
	return "Token(" + strconv.Itoa(int(t)) + ")"
}

// Quoted returns the token as Lua writes an expected token in messages:
// "'end'", "'='", or "<eof>" and "<name>" unquoted.
func (t Token) Quoted() string {
	if t <= Other {
		return t.String()
	}
	return "'" + t.String() + "'"
}

// IsKeyword reports whether t is a reserved word.
func (t Token) IsKeyword() bool { return t >= And && t <= While }

// keyword returns the reserved word spelled s, or Name.
func keyword(s string) Token {
	if len(s) < 2 || len(s) > 8 {
		return Name
	}
	switch s {
	case "and":
		return And
	case "break":
		return Break
	case "do":
		return Do
	case "else":
		return Else
	case "elseif":
		return Elseif
	case "end":
		return End
	case "false":
		return False
	case "for":
		return For
	case "function":
		return Function
	case "goto":
		return Goto
	case "if":
		return If
	case "in":
		return In
	case "local":
		return Local
	case "nil":
		return Nil
	case "not":
		return Not
	case "or":
		return Or
	case "repeat":
		return Repeat
	case "return":
		return Return
	case "then":
		return Then
	case "true":
		return True
	case "until":
		return Until
	case "while":
		return While
	}
	return Name
}
