package sandbox

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// msgBuilder decodes fuzz bytes into a host message value. Each value
// starts with an opcode byte (taken modulo the number of opcodes):
//
//	0 nil, 1 true, 2 false, 3 int64 (8 bytes), 4 float64 (8 bytes),
//	5 string (a length byte, then the bytes), 6 *Table (a count byte, then
//	that many keys and values), 7 []any (a count byte, then the elements),
//	8 map[string]any (a count byte, then keys as for 5 and values), 9 a
//	reference to a table built or being built (an index byte), 10 int,
//	11 a nil *Table.
//
// A reference to a table still being built makes a cycle (unless a later
// key of a map overwrites it); to a finished one, a shared (DAG) value.
// Missing bytes read as zero.
type msgBuilder struct {
	data   []byte
	tables []any // tables in the order they were started
	open   []bool
	budget int // values still allowed (bounds the decoding)
}

func (b *msgBuilder) byte() byte {
	if len(b.data) == 0 {
		return 0
	}
	c := b.data[0]
	b.data = b.data[1:]
	return c
}

func (b *msgBuilder) uint64() uint64 {
	var buf [8]byte
	n := copy(buf[:], b.data)
	b.data = b.data[n:]
	return binary.LittleEndian.Uint64(buf[:])
}

// str reads a length byte and that many bytes.
func (b *msgBuilder) str() string {
	n := int(b.byte())
	if n > len(b.data) {
		n = len(b.data)
	}
	s := string(b.data[:n])
	b.data = b.data[n:]
	return s
}

func (b *msgBuilder) value(depth int) any {
	b.budget--
	if b.budget < 0 || depth > 40 {
		return nil
	}
	switch b.byte() % 12 {
	case 0:
		return nil
	case 1:
		return true
	case 2:
		return false
	case 3:
		return int64(b.uint64())
	case 4:
		return math.Float64frombits(b.uint64())
	case 5:
		return b.str()
	case 6:
		t := &Table{}
		i := b.start(t)
		for n := int(b.byte() % 16); n > 0; n-- {
			k := b.value(depth + 1)
			t.Fields = append(t.Fields, Field{k, b.value(depth + 1)})
		}
		b.open[i] = false
		return t
	case 7:
		n := int(b.byte() % 16)
		s := make([]any, n)
		i := b.start(s)
		for j := range s {
			s[j] = b.value(depth + 1)
		}
		b.open[i] = false
		return s
	case 8:
		m := map[string]any{}
		i := b.start(m)
		for n := int(b.byte() % 16); n > 0; n-- {
			k := b.str()
			m[k] = b.value(depth + 1)
		}
		b.open[i] = false
		return m
	case 9:
		if len(b.tables) == 0 {
			return nil
		}
		i := int(b.byte()) % len(b.tables)
		return b.tables[i]
	case 10:
		return int(int32(b.uint64()))
	default:
		return (*Table)(nil)
	}
}

// msgShape is what inspect finds in a host message.
type msgShape struct {
	cyclic bool // a table contains itself
	nilTab bool // a nil *Table
	badKey bool // a key that cannot be sent (nil, NaN, a table)
	budget int  // visits left; below zero the walk gave up
}

// inspect walks the host value v. A cycle is a table reached again
// while it is being walked; tables are identified as hostRefOf identifies
// them (two slices are the same table when they start at the same element
// and have the same length). Visits count down m.budget: a shared value
// can be reached along exponentially many paths.
func (m *msgShape) inspect(v any, onPath map[any]bool) {
	if m.budget--; m.budget < 0 {
		return
	}
	var id any
	switch x := v.(type) {
	case *Table:
		if x == nil {
			m.nilTab = true
			return
		}
		id = x
	case map[string]any:
		id = reflect.ValueOf(x).UnsafePointer()
	case []any:
		if len(x) == 0 {
			return
		}
		id = [2]any{&x[0], len(x)}
	default:
		return
	}
	if onPath[id] {
		m.cyclic = true
		return
	}
	onPath[id] = true
	defer delete(onPath, id)
	forEachHost(v, func(k, val any) bool {
		switch x := k.(type) {
		case bool, int, int64, string:
		case float64:
			m.badKey = m.badKey || x != x
		default:
			m.badKey = true
		}
		m.inspect(k, onPath)
		m.inspect(val, onPath)
		return m.budget >= 0
	})
}

// start records a table being built.
func (b *msgBuilder) start(t any) int {
	b.tables = append(b.tables, t)
	b.open = append(b.open, true)
	return len(b.tables) - 1
}

// canonMsg describes a host message as Lua sees it once copied: keys
// normalised (integral floats and ints become int64), nil values and
// overwritten keys dropped, fields sorted.
func canonMsg(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case bool:
		return fmt.Sprint(x)
	case int:
		return fmt.Sprintf("i%d", x)
	case int64:
		return fmt.Sprintf("i%d", x)
	case float64:
		return fmt.Sprintf("f%x", math.Float64bits(x))
	case string:
		return fmt.Sprintf("%q", x)
	case *Table, []any, map[string]any:
		fields := map[string]string{}
		forEachHost(x, func(k, val any) bool {
			ck := canonMsg(normHostKey(k))
			if val == nil {
				delete(fields, ck)
			} else {
				fields[ck] = canonMsg(val)
			}
			return true
		})
		keys := make([]string, 0, len(fields))
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var sb strings.Builder
		sb.WriteString("{")
		for _, k := range keys {
			sb.WriteString(k + "=" + fields[k] + ",")
		}
		sb.WriteString("}")
		return sb.String()
	}
	return fmt.Sprintf("?%T", v)
}

// msgFuzzLimits are the message limits of FuzzMessageCopy.
var msgFuzzLimits = Limits{Fuel: 2_000_000, Memory: 8 << 20, MaxMessageBytes: 16 << 10, MaxMessageDepth: 12, MailboxLen: 4}

// msgEchoScript receives a message, sends it back, then links tables of
// its copy to one another as the pairs of indexes in its arguments say
// (tables numbered in a walk of the message), and sends it again: it
// returns whether that send worked, its error and whether the links made
// a cycle.
const msgEchoScript = `
local links = ...
local m = sandbox.receive()
sandbox.send(m)
if type(m) ~= "table" then return true, nil, false end
local tabs = {}
local function walk(t)
  tabs[#tabs + 1] = t
  for _, v in next, t do
    if type(v) == "table" then walk(v) end
  end
end
walk(m)
for i = 1, #links - 1, 2 do
  local a, b = tabs[links[i] % #tabs + 1], tabs[links[i + 1] % #tabs + 1]
  a["link" .. i] = b
end
local function cyclic(t, open)
  if open[t] then return true end
  open[t] = true
  for _, v in next, t do
    if type(v) == "table" and cyclic(v, open) then return true end
  end
  open[t] = nil
  return false
end
local hascycle = cyclic(m, {})
local ok, err = pcall(function() sandbox.send(m) end)
return ok, err, hascycle
`

// FuzzMessageCopy builds a host message from the fuzz bytes (nested
// tables of the three host kinds, strings, numbers, booleans, shared and
// cyclic references) and checks that:
//
//   - Send never panics; it refuses a cyclic message with an ErrNotCopyable
//     error that says "cycle" (unless a size or depth limit is hit first),
//     a nil *Table or a key that cannot be sent (nil, NaN, a table) with
//     ErrNotCopyable, and anything else only with ErrMessageSize or
//     ErrNotCopyable (too deep);
//   - an accepted message reaches the script and comes back (Lua to host)
//     equal to what was sent, as Lua sees it (canonMsg);
//   - after the script links tables of its copy to one another, its send
//     fails with a clear error when the links made a cycle ("cycle", or a
//     depth or size limit) and works or fails only on a limit otherwise.
func FuzzMessageCopy(f *testing.F) {
	f.Add([]byte{6, 2, 5, 1, 'a', 3, 1, 0, 0, 0, 0, 0, 0, 0, 5, 1, 'b', 7, 2, 1, 4, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f}, []byte{})
	f.Add([]byte{6, 1, 5, 4, 's', 'e', 'l', 'f', 9, 0}, []byte{})     // a cycle
	f.Add([]byte{7, 2, 8, 1, 5, 1, 'k', 1, 9, 1}, []byte{0, 0, 1, 0}) // shared, then linked
	f.Add([]byte{6, 1, 4, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f, 1}, []byte{}) // NaN key
	f.Add([]byte{6, 2, 4, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 2}, []byte{})
	f.Add([]byte{7, 3, 0, 11, 10, 5, 0, 0, 0}, []byte{}) // a nil *Table
	f.Add([]byte{5, 200}, []byte{})                      // a short string
	f.Add([]byte{7, 15, 7, 15, 7, 15, 7, 15, 7, 15, 7, 15, 7, 15, 7, 15, 7}, []byte{1, 2, 3, 4, 5, 6})
	f.Add([]byte{6, 3, 1, 6, 1, 2, 9, 1, 2, 9, 0, 0, 1}, []byte{1, 1})
	f.Fuzz(func(t *testing.T, data, links []byte) {
		if len(links) > 12 {
			links = links[:12]
		}
		b := &msgBuilder{data: data, budget: 2000}
		msg := b.value(0)
		shape := msgShape{budget: 100_000}
		shape.inspect(msg, map[any]bool{})
		if shape.budget < 0 {
			return // too many paths to tell
		}
		cyclic := shape.cyclic
		s, err := NewString(msgEchoScript, "=echo", Config{Limits: msgFuzzLimits, Deterministic: true, Args: []any{linkArgs(links)}})
		if err != nil {
			t.Fatal(err)
		}
		err = s.Send(msg)
		if err != nil {
			switch {
			case (shape.badKey || shape.nilTab) && errors.Is(err, ErrNotCopyable):
			case cyclic && errors.Is(err, ErrNotCopyable) && strings.Contains(err.Error(), "cycle"):
			case cyclic && (errors.Is(err, ErrMessageSize) || strings.Contains(err.Error(), "nested deeper")):
			case cyclic:
				t.Fatalf("cyclic message refused without saying so: %v", err)
			case errors.Is(err, ErrNotCopyable) && strings.Contains(err.Error(), "cycle"):
				t.Fatalf("acyclic message refused as a cycle: %v", err)
			case errors.Is(err, ErrNotCopyable), errors.Is(err, ErrMessageSize):
			default:
				t.Fatalf("Send: %v", err)
			}
			return
		}
		if cyclic {
			t.Fatalf("cyclic message accepted")
		}
		if shape.nilTab || shape.badKey {
			t.Fatalf("message with a nil *Table or a bad key accepted")
		}
		ctx := context.Background()
		status, err := s.Step(ctx, 0)
		if status != Done || err != nil {
			t.Fatalf("script: %v %v", status, err)
		}
		echo, err := s.Receive(ctx)
		if err != nil {
			t.Fatalf("echo: %v", err)
		}
		if want, got := canonMsg(msg), canonMsg(echo); want != got {
			t.Fatalf("echo differs:\n sent %s\n  got %s", want, got)
		}
		res := s.Results()
		ok, errText, hascycle := res[0] == true, fmt.Sprint(res[1]), res[2] == true
		limited := strings.Contains(errText, "nested deeper") || strings.Contains(errText, ErrMessageSize.Error())
		switch {
		case hascycle && ok:
			t.Fatalf("a cyclic message was sent")
		case hascycle && !strings.Contains(errText, "cycle") && !limited:
			t.Fatalf("cyclic message refused without saying so: %s", errText)
		case !hascycle && !ok && !limited:
			t.Fatalf("acyclic message refused: %s", errText)
		case !ok && !strings.HasPrefix(errText, "echo:"):
			t.Fatalf("error without a position: %s", errText)
		}
	})
}

// linkArgs turns the link bytes into a Lua array of integers.
func linkArgs(links []byte) []any {
	out := make([]any, len(links))
	for i, c := range links {
		out[i] = int64(c)
	}
	return out
}
