package sandbox

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"unsafe"

	"github.com/moonfuel/moonfuel/vm"
)

// Messages are copied between a sandbox and the host, never shared. On the
// host side a message is a Go value:
//
//	nil, bool, int64, float64, string, *Table
//
// (Send also accepts int, []any and map[string]any, copied in sorted key
// order). Functions, threads, userdata, a nil *Table, cycles and nesting
// deeper than Limits.MaxMessageDepth are refused with an error matching
// ErrNotCopyable; a message larger than Limits.MaxMessageBytes with
// ErrMessageSize.

// Table is a copied Lua table: its fields in the order Lua's next visited
// them (which is deterministic).
type Table struct {
	Fields []Field
}

// Field is one key and value of a Table.
type Field struct {
	Key, Value any
}

// Get returns the value of key (nil when absent). Integer-valued float keys
// and int keys match int64 keys.
func (t *Table) Get(key any) any {
	key = normHostKey(key)
	for _, f := range t.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Array returns a table holding vals at keys 1..n.
func Array(vals ...any) *Table {
	t := &Table{Fields: make([]Field, len(vals))}
	for i, v := range vals {
		t.Fields[i] = Field{int64(i + 1), v}
	}
	return t
}

func normHostKey(k any) any {
	switch x := k.(type) {
	case int:
		return int64(x)
	case float64:
		if x == math.Trunc(x) && x >= -(1<<63) && x < 1<<63 {
			return int64(x)
		}
	}
	return k
}

// Sizes used to measure messages (bytes).
const (
	msgValueSize = 16
	msgTableSize = 64
)

// copyState tracks one copy: its size so far and the tables being copied
// (to refuse cycles).
type copyState struct {
	size, max int64
	depth     int
	maxDepth  int
	open      map[*vm.Table]bool
	hostOpen  map[hostRef]bool // host tables being checked (checkHost)
}

// hostRef identifies a host table: a *Table, a map's pointer, or a slice's
// first element with its length (two slices of one array are different
// tables unless they start and end at the same place).
type hostRef struct {
	p unsafe.Pointer
	n int
}

// hostRefOf returns the identity of a host table, and false for an empty
// slice (which cannot contain itself).
func hostRefOf(v any) (hostRef, bool) {
	switch x := v.(type) {
	case *Table:
		return hostRef{unsafe.Pointer(x), -1}, true
	case map[string]any:
		return hostRef{reflect.ValueOf(x).UnsafePointer(), -2}, x != nil
	case []any:
		if len(x) == 0 {
			return hostRef{}, false
		}
		return hostRef{unsafe.Pointer(&x[0]), len(x)}, true
	}
	return hostRef{}, false
}

func (c *copyState) add(n int64) error {
	c.size += n
	if c.max > 0 && c.size > c.max {
		return fmt.Errorf("%w: more than %d bytes", ErrMessageSize, c.max)
	}
	return nil
}

// fromLua copies a Lua value into a host value, charging L's fuel for the
// work.
func fromLua(L *vm.Thread, v vm.Value, c *copyState) (any, error) {
	if err := c.add(msgValueSize); err != nil {
		return nil, err
	}
	switch v.Type() {
	case vm.TypeNil:
		return nil, nil
	case vm.TypeBoolean:
		return v.AsBool(), nil
	case vm.TypeNumber:
		if v.IsInt() {
			return v.AsInt(), nil
		}
		return v.AsFloat(), nil
	case vm.TypeString:
		s := v.AsString()
		L.ChargeFuel(vm.ByteCost(len(s)))
		if err := c.add(int64(len(s))); err != nil {
			return nil, err
		}
		return s, nil
	case vm.TypeTable:
		t := v.AsTable()
		if c.open[t] {
			return nil, fmt.Errorf("%w: the table contains itself (a cycle)", ErrNotCopyable)
		}
		if c.maxDepth > 0 && c.depth >= c.maxDepth {
			return nil, fmt.Errorf("%w: tables nested deeper than %d", ErrNotCopyable, c.maxDepth)
		}
		if err := c.add(msgTableSize); err != nil {
			return nil, err
		}
		if c.open == nil {
			c.open = make(map[*vm.Table]bool)
		}
		c.open[t] = true
		c.depth++
		out := &Table{}
		pos := 0
		for {
			var k, val vm.Value
			pos, k, val = t.Iter(pos)
			if k.IsNil() {
				break
			}
			L.ChargeFuel(vm.CostPerElement)
			switch k.Type() {
			case vm.TypeTable, vm.TypeFunction, vm.TypeThread, vm.TypeUserdata:
				return nil, fmt.Errorf("%w: a %s key", ErrNotCopyable, k.TypeName())
			}
			hk, err := fromLua(L, k, c)
			if err != nil {
				return nil, err
			}
			hv, err := fromLua(L, val, c)
			if err != nil {
				return nil, err
			}
			out.Fields = append(out.Fields, Field{hk, hv})
		}
		c.depth--
		delete(c.open, t)
		return out, nil
	}
	return nil, fmt.Errorf("%w: a %s value", ErrNotCopyable, v.TypeName())
}

// checkHost measures a host value and checks that it can be copied, before
// it is queued (so that Send fails at once).
func checkHost(v any, c *copyState) error {
	if err := c.add(msgValueSize); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil, bool, int, int64, float64:
		return nil
	case string:
		return c.add(int64(len(x)))
	case *Table, []any, map[string]any:
		if t, ok := x.(*Table); ok && t == nil {
			return fmt.Errorf("%w: a nil *Table", ErrNotCopyable)
		}
		if c.maxDepth > 0 && c.depth >= c.maxDepth {
			return fmt.Errorf("%w: tables nested deeper than %d", ErrNotCopyable, c.maxDepth)
		}
		if err := c.add(msgTableSize); err != nil {
			return err
		}
		if ref, ok := hostRefOf(x); ok {
			if c.hostOpen[ref] {
				return fmt.Errorf("%w: the table contains itself (a cycle)", ErrNotCopyable)
			}
			if c.hostOpen == nil {
				c.hostOpen = make(map[hostRef]bool)
			}
			c.hostOpen[ref] = true
			defer delete(c.hostOpen, ref)
		}
		c.depth++
		defer func() { c.depth-- }()
		var err error
		forEachHost(x, func(k, v any) bool {
			switch k.(type) {
			case bool, int, int64, float64, string:
			default:
				err = fmt.Errorf("%w: a %T key", ErrNotCopyable, k)
				return false
			}
			if f, ok := k.(float64); ok && math.IsNaN(f) {
				err = fmt.Errorf("%w: a NaN key", ErrNotCopyable)
				return false
			}
			if err = checkHost(k, c); err == nil {
				err = checkHost(v, c)
			}
			return err == nil
		})
		return err
	}
	return fmt.Errorf("%w: a Go %T value", ErrNotCopyable, v)
}

// forEachHost visits the fields of a host table in a fixed order.
func forEachHost(t any, f func(k, v any) bool) {
	switch x := t.(type) {
	case *Table:
		for _, fl := range x.Fields {
			if !f(fl.Key, fl.Value) {
				return
			}
		}
	case []any:
		for i, v := range x {
			if !f(int64(i+1), v) {
				return
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !f(k, x[k]) {
				return
			}
		}
	}
}

// toLua copies a checked host value into L's state, charging its memory
// (the constructors charge) and fuel.
func toLua(L *vm.Thread, v any) vm.Value {
	switch x := v.(type) {
	case nil:
		return vm.Nil
	case bool:
		return vm.Bool(x)
	case int:
		return vm.Int(int64(x))
	case int64:
		return vm.Int(x)
	case float64:
		return vm.Float(x)
	case string:
		L.ChargeFuel(vm.ByteCost(len(x)))
		return L.NewString(x)
	case *Table, []any, map[string]any:
		narr, nhash := 0, 0
		switch y := x.(type) {
		case *Table:
			nhash = len(y.Fields)
		case []any:
			narr = len(y)
		case map[string]any:
			nhash = len(y)
		}
		L.ChargeFuel(int64(narr+nhash+1) * vm.CostPerElement)
		t := L.NewTable(narr, nhash)
		tv := vm.TableValue(t)
		// keep the table reachable while it is filled (collections may
		// run inside the charges)
		L.Push(tv)
		forEachHost(x, func(k, val any) bool {
			lk := toLua(L, k)
			L.Push(lk)
			lv := toLua(L, val)
			L.Pop(1)
			t.Set(lk, lv)
			return true
		})
		L.Pop(1)
		return tv
	}
	return vm.Nil
}
